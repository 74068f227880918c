using Serilog;
using Slipway.Catalog;
using Slipway.Engine;
using Slipway.Pipeline;
using Slipway.Planning;
using Slipway.Publishing;

namespace Slipway;

/// <summary>One target per image (<c>name/version</c>) and one per name, each a forced rebuild.</summary>
internal sealed partial class Build
{
    private ImagePipeline? _pipeline;
    private IReadOnlyList<ImageDefinition>? _images;

    private IReadOnlyList<ImageDefinition> AllImages => _images ??= ImageCatalog.Discover(RootDirectory);

    private ImagePipeline Pipeline =>
        _pipeline ??= new ImagePipeline(RootDirectory, TemporaryDirectory, AllImages, CreateSettings());

    protected override IEnumerable<DynamicTarget> CreateDynamicTargets()
    {
        IReadOnlyList<ImageDefinition> images;
        try
        {
            images = AllImages;
        }
        catch (CatalogException e)
        {
            // The image targets are missing then; BuildChanged and Plan report the same error when they run.
            Log.Warning("No image targets, because the images folder is invalid:{NewLine}{Error:l}",
                Environment.NewLine, e.Message);
            yield break;
        }

        foreach (var image in images)
        {
            var id = image.Id;
            yield return new DynamicTarget(id, _ => _
                .Description($"Rebuild and push {id} now, even when it is up to date")
                .Executes(() => RunImagesAsync(ForceOnly([id]))));
        }

        foreach (var group in images.GroupBy(i => i.Name))
        {
            var ids = group.Select(i => i.Id).ToList();
            yield return new DynamicTarget(group.Key, _ => _
                .Description($"Rebuild and push every version of {group.Key} ({string.Join(", ", ids)})")
                .Executes(() => RunImagesAsync(ForceOnly(ids))));
        }
    }

    /// <summary>Plans every image but builds only <paramref name="ids"/>, forced.</summary>
    private PlanOptions ForceOnly(IReadOnlyList<string> ids)
    {
        _pipeline = new ImagePipeline(RootDirectory, TemporaryDirectory, AllImages,
            CreateSettings() with { Images = ids });
        return CreatePlanOptions() with { ForcedImages = new HashSet<string>(ids, StringComparer.Ordinal) };
    }

    /// <summary>
    /// Logs the image table and writes the reports; returns a failure message, or null when none failed.
    /// </summary>
    private string? ReportOutcomes(ImagePipeline.RunResult result)
    {
        var outcomes = result.Outcomes;
        ReportToGitHub(outcomes, result.Plans);
        Log.Information("Images:{NewLine}{Table:l}", Environment.NewLine, RunReport.ToTable(outcomes));
        var reportPath = RunReport.Write(outcomes, TemporaryDirectory);
        Log.Debug("Wrote {Path}", reportPath);

        var failed = outcomes.Where(o => o.Status is OutcomeStatus.Failed or OutcomeStatus.Skipped).ToList();
        return failed.Count == 0
            ? null
            : $"{failed.Count} of {outcomes.Count} images failed or were skipped: " +
              string.Join("; ", failed.Select(f => $"{f.Id}: {f.Reason}"));
    }

    private static string Summarize(IReadOnlyList<ImageOutcome> outcomes) =>
        $"{outcomes.Count(o => o.Status is OutcomeStatus.Built or OutcomeStatus.Pushed)} built, " +
        $"{outcomes.Count(o => o.Status == OutcomeStatus.UpToDate)} up to date, " +
        $"{outcomes.Count(o => o.Status is OutcomeStatus.Failed or OutcomeStatus.Skipped)} failed or skipped";
}
