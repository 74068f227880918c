#pragma warning disable CS0649 // The engine sets parameter fields through reflection.
using Serilog;
using Slipway.Descriptions;
using Slipway.Engine;
using Slipway.Publishing;

namespace Slipway;

/// <summary>Registry descriptions: the Describe target and the sync that follows a successful BuildChanged.</summary>
internal sealed partial class Build
{
    private static readonly HttpClient DescriptionHttp = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Parameter("Docker Hub user name that owns --docker-hub-token, for repository descriptions")]
    readonly string? DockerHubUsername;

    [Parameter("Docker Hub personal access token with read, write and delete scope, " +
        "for repository descriptions"), Secret]
    readonly string? DockerHubToken;

    [Parameter("Quay OAuth or robot token with write access to the repositories, for their descriptions"), Secret]
    readonly string? QuayToken;

    [Parameter("Registry host whose descriptions are kept through the Docker Hub API (default docker.io)")]
    readonly string DockerHubRegistry = "docker.io";

    [Parameter("Base address of the Docker Hub API (default https://hub.docker.com/)")]
    readonly string? DockerHubApiUrl;

    [Parameter("Registry host whose descriptions are kept through the Quay API (default quay.io)")]
    readonly string QuayRegistry = "quay.io";

    [Parameter("Base address of the Quay API (default https://quay.io/)")]
    readonly string? QuayApiUrl;

    [Parameter("With Describe: print what would be sent to each registry instead of sending it")]
    readonly bool DryRun;

    Target Describe => _ => _
        .Description("Send every image's README to the registries that keep descriptions (Docker Hub, Quay)")
        .Executes(async () =>
        {
            var outcomes = await DescribeAsync(AllImages);
            ReportSummary(Summarize(outcomes));
            if (DescriptionFailure(outcomes, afterPush: false) is { } failure)
                throw new BuildFailedException(failure);
        });

    private async Task<IReadOnlyList<DescriptionOutcome>> DescribeAsync(IEnumerable<Catalog.ImageDefinition> images)
    {
        var settings = Pipeline.Settings;
        var publisher = new DescriptionPublisher(DescriptionHttp, settings.Target, new DescriptionSettings
        {
            DockerHubRegistry = DockerHubRegistry,
            DockerHubApi = DockerHubApiUrl is { Length: > 0 } hub ? new Uri(hub) : DockerHubClient.DefaultBaseAddress,
            DockerHubUsername = DockerHubUsername,
            DockerHubToken = DockerHubToken,
            QuayRegistry = QuayRegistry,
            QuayApi = QuayApiUrl is { Length: > 0 } quay ? new Uri(quay) : QuayClient.DefaultBaseAddress,
            QuayToken = QuayToken,
            SourceUrl = settings.SourceUrl,
            Revision = settings.Revision,
            DryRun = DryRun,
        }, RootDirectory);
        return await publisher.SyncAsync(images);
    }

    /// <summary>
    /// Describes the images that are published after a run: pushed now or already up to date. A README outside
    /// every build context rebuilds nothing, so this is where its change reaches the registry.
    /// </summary>
    private async Task<IReadOnlyList<DescriptionOutcome>> DescribePublishedAsync(IReadOnlyList<ImageOutcome> outcomes)
    {
        if (Pipeline.Settings.NoPush)
            return [];
        var published = outcomes.Where(o => o.Status is OutcomeStatus.Pushed or OutcomeStatus.UpToDate)
            .Select(o => o.Id).ToHashSet();
        return await DescribeAsync(AllImages.Where(i => published.Contains(i.Id) && i.Push));
    }

    private static string Summarize(IReadOnlyList<DescriptionOutcome> outcomes) =>
        $"descriptions: {outcomes.Count(o => o.Status == "updated")} updated, " +
        $"{outcomes.Count(o => o.Status == "unchanged")} unchanged, {outcomes.Count(o => o.Failed)} failed";

    /// <summary>Returns the failure message, or null; after pushes it says that the pushes stand.</summary>
    private static string? DescriptionFailure(IReadOnlyList<DescriptionOutcome> outcomes, bool afterPush)
    {
        var failed = outcomes.Where(o => o.Failed).ToList();
        return failed.Count == 0
            ? null
            : "Description updates failed" + (afterPush ? " (the pushed images stay published): " : ": ") +
              string.Join("; ", failed.Select(f => $"{f.Repository}: {f.Message}"));
    }
}
