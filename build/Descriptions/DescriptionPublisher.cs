using Serilog;
using Slipway.Catalog;
using Slipway.Planning;

namespace Slipway.Descriptions;

/// <summary>
/// Sends each repository's README to the registries that keep descriptions (Docker Hub, Quay). All versions of a
/// name share one registry repository, so its description comes from the version tagged <c>latest</c>, else the
/// last version in the catalog. Other registries have no description field; they get the
/// <c>org.opencontainers.image.description</c> label at build time instead.
/// </summary>
public sealed class DescriptionPublisher(HttpClient http, PublishTarget target, DescriptionSettings settings,
    string root)
{
    public async Task<IReadOnlyList<DescriptionOutcome>> SyncAsync(IEnumerable<ImageDefinition> images,
        CancellationToken token = default)
    {
        var outcomes = new List<DescriptionOutcome>();
        DockerHubClient? hub = null;
        foreach (var group in images.GroupBy(i => i.Name))
        {
            var image = group.FirstOrDefault(i => i.Tags.Contains("latest")) ?? group.Last();
            foreach (var registry in target.Registries)
            {
                var keepsDescriptions = registry == settings.DockerHubRegistry || registry == settings.QuayRegistry;
                if (keepsDescriptions && string.IsNullOrEmpty(target.Namespace))
                {
                    outcomes.Add(new DescriptionOutcome($"{registry}/{image.Name}", registry, "failed",
                        "descriptions need --namespace (the user or organisation that owns the repository)"));
                    continue;
                }

                var outcome = registry == settings.DockerHubRegistry ? await SyncHubAsync(image, registry, token)
                    : registry == settings.QuayRegistry ? await SyncQuayAsync(image, registry, token)
                    : null;
                if (outcome is not null)
                    outcomes.Add(outcome);
            }
        }

        return outcomes;

        async Task<DescriptionOutcome> SyncHubAsync(ImageDefinition image, string registry, CancellationToken ct)
        {
            // A dry run sends nothing, so it shows what would be sent even without credentials.
            var user = settings.DockerHubUsername ?? "";
            var secret = settings.DockerHubToken ?? "";
            if (!settings.DryRun && (user.Length == 0 || secret.Length == 0))
                return Skipped(image, registry, "no --docker-hub-username and --docker-hub-token");
            return await RunAsync(image, registry, readme => Send(readme), ct);

            async Task<DescriptionSyncResult> Send(Readme readme)
            {
                hub ??= new DockerHubClient(http, settings.DockerHubApi, user, secret, Log.Logger);
                return await hub.SyncAsync(Namespace(), image.Name, readme.Text, image.Description ?? "",
                    readme.Url, ct);
            }
        }

        async Task<DescriptionOutcome> SyncQuayAsync(ImageDefinition image, string registry, CancellationToken ct)
        {
            var secret = settings.QuayToken ?? "";
            if (!settings.DryRun && secret.Length == 0)
                return Skipped(image, registry, "no --quay-token");
            return await RunAsync(image, registry, readme => new QuayClient(http, settings.QuayApi, secret, Log.Logger)
                .SyncAsync(Namespace(), image.Name, readme.Text, readme.Url, ct), ct);
        }
    }

    private sealed record Readme(string Text, string Url, string Path);

    private async Task<DescriptionOutcome> RunAsync(ImageDefinition image, string registry,
        Func<Readme, Task<DescriptionSyncResult>> send, CancellationToken token)
    {
        var repository = $"{registry}/{Namespace()}/{image.Name}";
        if (image.ReadmePath is null)
            return new DescriptionOutcome(repository, registry, "skipped", "no README found for " + image.Id);
        var readme = await ReadReadmeAsync(image.ReadmePath, token);
        if (settings.DryRun)
        {
            Log.Information("{Repository}: would send {Readme} ({Bytes} bytes) and short description {Short}",
                repository, readme.Path, System.Text.Encoding.UTF8.GetByteCount(readme.Text), image.Description ?? "");
            Log.Debug("{Repository}: full description:{NewLine}{Text:l}", repository, Environment.NewLine, readme.Text);
            return new DescriptionOutcome(repository, registry, "dry run", $"would send {readme.Path}");
        }

        try
        {
            var result = await send(readme);
            var status = result.Status == DescriptionSyncStatus.Updated ? "updated" : "unchanged";
            Log.Information("{Repository}: description {Status} from {Readme}", repository, status, readme.Path);
            return new DescriptionOutcome(repository, registry, status, string.Join("; ", result.Warnings));
        }
        catch (DescriptionException e)
        {
            Log.Error("{Repository}: description update failed: {Message}", repository, e.Message);
            return new DescriptionOutcome(repository, registry, "failed", e.Message);
        }
    }

    private async Task<Readme> ReadReadmeAsync(string path, CancellationToken token)
    {
        var relative = ImageCatalog.Relative(root, path);
        var text = await File.ReadAllTextAsync(path, token);
        if (settings.SourceUrl is not { Length: > 0 } source)
            return new Readme(text, relative, relative);
        var commit = settings.Revision ?? "HEAD";
        var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? "";
        return new Readme(ReadmeLinks.Rewrite(text, folder, source, commit), $"{source}/blob/{commit}/{relative}",
            relative);
    }

    private string Namespace() => target.Namespace ?? "";

    private DescriptionOutcome Skipped(ImageDefinition image, string registry, string reason)
    {
        var repository = $"{registry}/{Namespace()}/{image.Name}";
        Log.Information("{Repository}: description not synced ({Reason})", repository, reason);
        return new DescriptionOutcome(repository, registry, "skipped", reason);
    }
}
