using Serilog;
using Slipway.Engine;
using Slipway.Pipeline;
using Slipway.Planning;

namespace Slipway;

/// <summary>
/// The build of this repository of images. Every target is a few lines that call into the pipeline. The other parts:
/// Build.Parameters.cs (parameters), Build.Images.cs (one target per image and per name), Build.Describe.cs
/// (registry descriptions), Build.GitHubActions.cs (the workflow and its check) and Build.Test.cs (the test suite).
/// </summary>
internal sealed partial class Build : BuildHost
{
    public static int Main(string[] args) => Execute<Build>(args, x => x.BuildChanged);

    Target Plan => _ => _
        .Description("Show every image with its inputs, fingerprint and whether it would be built, without building")
        .Executes(async () =>
        {
            var plans = await Pipeline.PlanAsync(CreatePlanOptions());
            WritePlan(plans);
        });

    Target BuildChanged => _ => _
        .Description("Build and push the images whose fingerprint differs from the published image, parents first")
        .Executes(() => RunImagesAsync(CreatePlanOptions()));

    Target BuildAll => _ => _
        .Description("Build and push every image, ignoring fingerprints")
        .Executes(() => RunImagesAsync(CreatePlanOptions() with { ForceAll = true }));

    /// <summary>
    /// Plan options from the parameters. --force-images takes image ids or names (a name means every version),
    /// split by spaces, commas or '+'; --force-all forces every image.
    /// </summary>
    private PlanOptions CreatePlanOptions()
    {
        var requested = (ForceImages ?? [])
            .SelectMany(f => f.Split([' ', ',', '+'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(r => AllImages.All(image => image.Id != r && image.Name != r)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"--force-images names unknown images: {string.Join(", ", unknown)}. Known: " +
                                     string.Join(", ", AllImages.Select(image => image.Id)));
        var forced = AllImages.Where(image => requested.Contains(image.Id) || requested.Contains(image.Name))
            .Select(image => image.Id).ToHashSet(StringComparer.Ordinal);
        return new PlanOptions(forced, ForceAll, Strict);
    }

    /// <summary>
    /// Builds and pushes, then syncs descriptions of everything published. A description failure is reported as its
    /// own failure after the image results, so it never hides or undoes a push.
    /// </summary>
    private async Task RunImagesAsync(PlanOptions options)
    {
        var result = await Pipeline.RunAsync(options);
        var descriptions = await DescribePublishedAsync(result.Outcomes);
        var imageFailure = ReportOutcomes(result);
        var descriptionFailure = DescriptionFailure(descriptions, afterPush: true);
        var summary = Summarize(result.Outcomes);
        ReportSummary(descriptions.Count == 0 ? summary : $"{summary}; {Summarize(descriptions)}");
        var failures = new[] { imageFailure, descriptionFailure }.OfType<string>().ToList();
        if (failures.Count > 0)
            throw new BuildFailedException(string.Join(Environment.NewLine, failures));
    }

    private void WritePlan(IReadOnlyList<ImagePlan> plans)
    {
        if (GitHubMatrix)
            WriteGitHubMatrix(plans);
        if (Json)
            Console.Out.WriteLine(PlanReport.ToJson(plans, RootDirectory));
        else
            Log.Information("Plan:{NewLine}{Plan:l}", Environment.NewLine, PlanReport.ToText(plans, RootDirectory));
        ReportSummary($"{plans.Count(p => p.NeedsBuild)} of {plans.Count} to build");
    }
}
