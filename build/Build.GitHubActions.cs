#pragma warning disable CS0649 // The engine sets parameter fields through reflection.
using Serilog;
using Slipway.Engine;
using Slipway.GitHubActions;
using Slipway.Planning;
using Slipway.Publishing;

namespace Slipway;

/// <summary>
/// The GitHub Actions workflow that runs this build on every push, described here and written to
/// .github/workflows/ by GenerateWorkflow. Regenerating keeps action versions, because they come from this class.
/// </summary>
internal sealed partial class Build
{
    /// <summary>
    /// The workflow for a catalog of images: QEMU is set up only when some image targets several platforms.
    /// </summary>
    internal static WorkflowDefinition CreateWorkflow(IReadOnlyList<Catalog.ImageDefinition> images) =>
        new("Images", "images.yml")
    {
        HasMultiPlatformImages = images.Any(image => image.Platforms.Count > 1),
        Triggers = new WorkflowTriggers
        {
            PushBranches = ["main"],
            PushTags = ["v*"],
            PullRequestBranches = ["main"],
            WorkflowDispatch = true,
            Schedule = "17 4 * * 1",
        },
        RegistryLogins = [RegistryLogin.DockerHub("DOCKER_HUB_USERNAME", "DOCKER_HUB_TOKEN")],
        // The registry decides what is up to date, so no git history is needed.
        CheckoutFetchDepth = 1,
        Parameters =
        [
            new("REGISTRY", "docker.io"),
            new("NAMESPACE", "slipway"),
            new("LOCAL_ENGINE", "false"),
            // The weekly run rebuilds everything with fresh base images, because external bases are not part of
            // the fingerprint.
            new("FORCE_ALL", "${{ github.event_name == 'schedule' }}"),
            new("PULL", "${{ github.event_name == 'schedule' }}"),
        ],
        // Description updates need both; the login step alone does not give them to BuildChanged.
        Secrets =
        [
            new WorkflowSecret("DockerHubUsername", "DOCKER_HUB_USERNAME"),
            new WorkflowSecret("DockerHubToken", "DOCKER_HUB_TOKEN"),
        ],
    };

    [Parameter("With Plan: write the build matrix (groups of images to build) to $GITHUB_OUTPUT",
        Name = "GithubMatrix")]
    readonly bool GitHubMatrix;

    WorkflowDefinition Workflow => CreateWorkflow(AllImages);

    string WorkflowPath => Path.Combine(RootDirectory, Workflow.RelativePath);

    /// <summary>
    /// On a developer's machine every run rewrites a stale workflow file and warns, as NUKE does. On CI (CI set) it
    /// is left alone, so that CheckWorkflow reports the difference instead.
    /// </summary>
    protected override void OnBuildInitialized()
    {
        if (IsGitHubActions || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ||
            InvokedTargets.Contains(nameof(CheckWorkflow)) || !File.Exists(WorkflowPath))
            return;
        var text = WorkflowWriter.Write(Workflow);
        if (File.ReadAllText(WorkflowPath) == text)
            return;
        File.WriteAllText(WorkflowPath, text);
        Log.Warning("{Path} was out of date and has been regenerated; commit it", Workflow.RelativePath);
    }

    Target GenerateWorkflow => _ => _
        .Description("Write the GitHub Actions workflow described in Build.GitHubActions.cs")
        .Executes(() =>
        {
            Workflow.Validate();
            var text = WorkflowWriter.Write(Workflow);
            Directory.CreateDirectory(Path.GetDirectoryName(WorkflowPath)!);
            if (File.Exists(WorkflowPath) && File.ReadAllText(WorkflowPath) == text)
            {
                Log.Information("{Path} is up to date", Workflow.RelativePath);
                return;
            }

            File.WriteAllText(WorkflowPath, text);
            Log.Warning("Wrote {Path}; commit it", Workflow.RelativePath);
        });

    Target CheckWorkflow => _ => _
        .Description("Fail when the committed workflow differs from what the build class generates")
        .Executes(() =>
        {
            var committed = File.Exists(WorkflowPath) ? File.ReadAllText(WorkflowPath) : "";
            var difference = WorkflowStaleness.Diff(WorkflowWriter.Write(Workflow), committed);
            if (difference is not null)
                throw new BuildFailedException($"{Workflow.RelativePath} is out of date. Run ./build.sh " +
                                               "GenerateWorkflow and commit the result." +
                                               $"{Environment.NewLine}{difference}");
            Log.Information("{Path} matches the build class", Workflow.RelativePath);
        });

    private void WriteGitHubMatrix(IReadOnlyList<ImagePlan> plans)
    {
        var groups = MatrixGrouping.Group(plans
            .Select(p => new PlannedImage(p.Id, p.NeedsBuild, p.Node.Parents.Select(x => x.Image.Id).ToList()))
            .ToList());
        var output = MatrixGrouping.ToGitHubOutput(groups);
        var path = Environment.GetEnvironmentVariable("GITHUB_OUTPUT");
        if (string.IsNullOrEmpty(path))
            Console.Out.Write(output);
        else
            File.AppendAllText(path, output);
        Log.Information("Build matrix: {Count} groups", groups.Count);
    }

    /// <summary>
    /// The Dockerfile line an annotation points at: the one BuildKit's parser names ("line 3"), else line 1.
    /// </summary>
    private static int? FailureLine(Publishing.ImageOutcome outcome)
    {
        if (outcome.FailureFile is null)
            return null;
        var match = System.Text.RegularExpressions.Regex.Match(outcome.Reason, @"\bline (\d+)\b");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
    }

    /// <summary>Writes the job summary and one annotation per failure, when running on GitHub Actions.</summary>
    private void ReportToGitHub(IReadOnlyList<Publishing.ImageOutcome> outcomes, IReadOnlyList<ImagePlan> plans)
    {
        if (!IsGitHubActions)
            return;
        var parents = plans.ToDictionary(p => p.Id,
            p => (IReadOnlyList<string>)p.Node.Parents.Select(x => x.Image.Id).ToList());
        var rows = outcomes.Select(o => new GitHubActions.ImageOutcome(o.Id,
            Slipway.Pipeline.RunReport.Status(o.Status), o.Reason, o.Duration,
            o.Digest is { } d && d.StartsWith("sha256:", StringComparison.Ordinal) && d.Length == 71 ? d : null,
            parents.GetValueOrDefault(o.Id) ?? [], o.FailureFile, FailureLine(o))).ToList();
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            JobSummary.Append(summary, JobSummary.Render(rows));
        foreach (var annotation in JobSummary.Annotations(rows))
            Console.Out.WriteLine(annotation);
    }
}
