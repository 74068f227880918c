using System.Collections.Concurrent;
using Serilog;
using Slipway.Catalog;
using Slipway.Engine;
using Slipway.Fingerprints;
using Slipway.Planning;
using Slipway.Publishing;
using Slipway.Registries;

namespace Slipway.Pipeline;

/// <summary>
/// The steps of a run, in order: discover the images, link them, plan (fingerprint and compare with what is
/// published), then build and push. Each step is computed once per run.
/// </summary>
public sealed class ImagePipeline(string root, string temporaryDirectory, IReadOnlyList<ImageDefinition> images,
    PipelineSettings settings)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private DockerEnvironment? _docker;

    public PipelineSettings Settings => settings;

    public IReadOnlyList<ImageDefinition> Images => images;

    public async Task<DockerEnvironment> ConnectAsync() =>
        _docker ??= await DockerEnvironment.ConnectAsync(root, settings.DockerClient, settings.LocalEngine,
            settings.Target.PrimaryRegistry);

    public async Task<IReadOnlyList<ImagePlan>> PlanAsync(PlanOptions options, CancellationToken token = default)
    {
        var graph = ImageGraph.Create(Images, settings.Target, root);
        IPublishedLabels published;
        ManifestLabelCache? labelCache = null;
        if (settings.NoPush)
        {
            published = new LocalEngineLabels((await ConnectAsync()).Docker);
        }
        else
        {
            if (settings.LocalEngine)
                await ConnectAsync();
            labelCache = ManifestLabelCache.Load(Path.Combine(temporaryDirectory, "manifest-labels.json"));
            published = new RegistryLabels(new RegistryClient(Http, CreateCredentialLookup(), labelCache));
        }

        var cache = FileDigestCache.Load(Path.Combine(temporaryDirectory, "digest-cache.tsv"));
        var planner = new Planner(settings.Target, published, cache, root);
        var plans = await planner.PlanAsync(graph, options, token);
        labelCache?.Save();
        return plans;
    }

    /// <summary>
    /// Returns the credentials lookup of the registry client. The docker config file is read, and its credential
    /// helper run, once per registry in a run, not once per image.
    /// </summary>
    private Func<string, Task<RegistryCredentials?>> CreateCredentialLookup()
    {
        if (settings.Credentials is { } given)
            return _ => Task.FromResult<RegistryCredentials?>(given);
        var config = DockerConfigCredentials.FromEnvironment();
        var found = new ConcurrentDictionary<string, Lazy<Task<RegistryCredentials?>>>(StringComparer.Ordinal);
        return registry => found
            .GetOrAdd(registry, r => new Lazy<Task<RegistryCredentials?>>(() => config.FindAsync(r))).Value;
    }

    /// <summary>
    /// Plans, then builds and pushes what needs it. Returns the plans and one outcome per selected image.
    /// </summary>
    public async Task<RunResult> RunAsync(PlanOptions options, CancellationToken token = default)
    {
        var plans = await PlanAsync(options, token);
        var selected = SelectImages(plans);
        var environment = await ConnectAsync();
        var docker = environment.Docker;
        string? loginFolder = null;
        try
        {
            if (!settings.NoPush && settings.Credentials is { } credentials)
            {
                loginFolder = CreateLoginFolder();
                docker = docker.WithConfigFolder(loginFolder);
                foreach (var registry in settings.Target.Registries)
                    await docker.LoginAsync(registry, credentials.Username, credentials.Secret, token);
            }

            var labels = new Dictionary<string, string>();
            if (settings.Revision is { Length: > 0 } revision)
                labels["org.opencontainers.image.revision"] = revision;
            if (settings.SourceUrl is { Length: > 0 } source)
                labels["org.opencontainers.image.source"] = source;
            var publisher = new Publisher(docker, new PublishOptions
            {
                NoPush = settings.NoPush,
                Pull = settings.Pull && !settings.NoPush,
                MaxParallel = settings.MaxParallel,
                DefaultNetwork = environment.DefaultNetwork,
                Labels = labels,
                GitHubCacheScope = GitHubCacheScope(environment),
            }, root);
            return new RunResult(plans, await publisher.PublishAsync(selected, token));
        }
        finally
        {
            if (loginFolder is not null)
                Directory.Delete(loginFolder, recursive: true);
        }
    }

    /// <summary>
    /// Makes a private docker config folder for this run's logins: a copy of the user's config without its
    /// credential store, so that `docker login` writes there and the password is deleted with the folder.
    /// </summary>
    private string CreateLoginFolder()
    {
        var folder = Path.Combine(temporaryDirectory, $"docker-config-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var userConfig = DockerConfigCredentials.FromEnvironment().ConfigPath;
        var config = File.Exists(userConfig)
            ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(userConfig))?.AsObject() ?? []
            : new System.Text.Json.Nodes.JsonObject();
        config.Remove("credsStore");
        if (config["credHelpers"] is System.Text.Json.Nodes.JsonObject helpers)
        {
            foreach (var registry in settings.Target.Registries)
                helpers.Remove(registry);
        }

        File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJsonString());
        return folder;
    }

    /// <summary>
    /// The Actions cache needs a builder that exports caches and the cache service's address and token, which run
    /// steps see only when the workflow exposes them.
    /// </summary>
    private string? GitHubCacheScope(DockerEnvironment environment)
    {
        if (settings.CacheScope is not { Length: > 0 } scope)
            return null;
        var hasService = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ACTIONS_RUNTIME_TOKEN")) &&
                         (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ACTIONS_CACHE_URL")) ||
                          !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ACTIONS_RESULTS_URL")));
        if (environment.Docker.Client.CanExportCache && hasService)
            return scope;
        Log.Information("Cache scope {Scope} ignored: the Actions cache needs a buildx container builder and the " +
                        "Actions runtime variables; the previous image is the only cache", scope);
        return null;
    }

    /// <summary>The plans of every image and the outcomes of the images this run built or checked.</summary>
    public sealed record RunResult(IReadOnlyList<ImagePlan> Plans, IReadOnlyList<ImageOutcome> Outcomes);

    private IReadOnlyList<ImagePlan> SelectImages(IReadOnlyList<ImagePlan> plans)
    {
        if (settings.Images.Count == 0)
            return plans;
        var requested = new HashSet<string>(settings.Images, StringComparer.Ordinal);
        var unknown = requested.Where(w => plans.All(p => p.Id != w && p.Node.Image.Name != w)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"--images names unknown images: {string.Join(", ", unknown)}. Known: " +
                                     string.Join(", ", plans.Select(p => p.Id)));
        var selected = plans.Where(p => requested.Contains(p.Id) || requested.Contains(p.Node.Image.Name)).ToList();
        Log.Information("Limited to {Count} of {Total} images by --images", selected.Count, plans.Count);
        return selected;
    }
}
