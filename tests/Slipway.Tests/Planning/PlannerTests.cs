using Slipway.Catalog;
using Slipway.Fingerprints;
using Slipway.Planning;

namespace Slipway.Tests.Planning;

/// <summary>The build decision for each image, against an in-memory stand-in for the registry's labels.</summary>
public sealed class PlannerTests : IDisposable
{
    private static readonly PublishTarget Target = new(["127.0.0.1:5000"], "acme");
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-planner-").FullName;
    private readonly MemoryLabels _published = new();

    public PlannerTests()
    {
        Write("base/1.0/Dockerfile", "FROM busybox:1.36\nCOPY tool.sh /usr/local/bin/\n");
        Write("base/1.0/tool.sh", "echo tool\n");
        Write("web/1.0/Dockerfile", "ARG REPOSITORY_PREFIX\nFROM ${REPOSITORY_PREFIX}/base:1.0\nCOPY site/ /www/\n");
        Write("web/1.0/site/index.html", "<h1>hi</h1>\n");
    }

    [Fact]
    public async Task EmptyRegistryMakesEveryImageNew()
    {
        var plans = await PlanAsync();

        Assert.All(plans.Values, plan => Assert.Equal(ImageStatus.New, plan.Status));
        Assert.Contains("127.0.0.1:5000/acme/web:1.0 is not in the test registry yet", plans["web/1.0"].Reason);
    }

    [Fact]
    public async Task PublishedFingerprintIsUpToDate()
    {
        Publish(await PlanAsync());

        var plans = await PlanAsync();

        Assert.All(plans.Values, plan => Assert.Equal(ImageStatus.UpToDate, plan.Status));
        Assert.All(plans.Values, plan => Assert.False(plan.NeedsBuild));
    }

    [Fact]
    public async Task ChangedFileIsNamed()
    {
        Publish(await PlanAsync());
        Write("web/1.0/site/index.html", "<h1>changed</h1>\n");
        Write("web/1.0/site/new.css", "body {}\n");

        var plans = await PlanAsync();

        Assert.Equal(ImageStatus.UpToDate, plans["base/1.0"].Status);
        Assert.Equal(ImageStatus.Changed, plans["web/1.0"].Status);
        Assert.Equal(["site/index.html", "site/new.css (added)"], plans["web/1.0"].ChangedInputs);
        Assert.Equal("changed: site/index.html, site/new.css (added)", plans["web/1.0"].Reason);
    }

    [Fact]
    public async Task ParentChangeIsNamed()
    {
        Publish(await PlanAsync());
        Write("base/1.0/tool.sh", "echo tool 2\n");

        var plans = await PlanAsync();

        Assert.Equal(ImageStatus.Changed, plans["base/1.0"].Status);
        Assert.Equal(ImageStatus.ParentChanged, plans["web/1.0"].Status);
        Assert.Equal("parent changed: 127.0.0.1:5000/acme/base:1.0", plans["web/1.0"].Reason);
    }

    [Fact]
    public async Task DockerfileChangeIsNamed()
    {
        Publish(await PlanAsync());
        Write("base/1.0/Dockerfile", "FROM busybox:1.36\nCOPY tool.sh /usr/local/bin/tool\n");

        var plans = await PlanAsync();

        Assert.Equal(ImageStatus.Changed, plans["base/1.0"].Status);
        Assert.Contains(FingerprintCalculator.DockerfileInput, plans["base/1.0"].ChangedInputs);
    }

    [Fact]
    public async Task ForcedImageIsBuiltAnyway()
    {
        Publish(await PlanAsync());

        var plans = await PlanAsync(new PlanOptions(new HashSet<string> { "web/1.0" }, ForceAll: false, Strict: false));

        Assert.Equal(ImageStatus.Forced, plans["web/1.0"].Status);
        Assert.Equal(ImageStatus.UpToDate, plans["base/1.0"].Status);
    }

    [Fact]
    public async Task UnresolvedBaseAlwaysBuildsOrFailsWhenStrict()
    {
        Write("odd/1.0/Dockerfile", "ARG BASE\nFROM ${BASE}\n");
        Publish(await PlanAsync());

        var plans = await PlanAsync();
        var error = await Assert.ThrowsAsync<PlanException>(
            () => PlanAsync(PlanOptions.Default with { Strict = true }));

        Assert.Equal(ImageStatus.UnknownBase, plans["odd/1.0"].Status);
        Assert.True(plans["odd/1.0"].NeedsBuild);
        Assert.Contains("images/odd/1.0/Dockerfile:2", error.Message);
    }

    [Fact]
    public async Task LabelWithoutInputsStillChanged()
    {
        foreach (var plan in (await PlanAsync()).Values)
            _published.Labels[plan.PrimaryReference] = new Dictionary<string, string> { [ImageLabels.Fingerprint] = "sha256:old" };

        var plans = await PlanAsync();

        Assert.Equal(ImageStatus.Changed, plans["base/1.0"].Status);
        Assert.Contains("lists no inputs", plans["base/1.0"].Reason);
    }

    private async Task<Dictionary<string, ImagePlan>> PlanAsync(PlanOptions? options = null)
    {
        var graph = ImageGraph.Create(ImageCatalog.Discover(_root), Target, _root);
        var planner = new Planner(Target, _published, FileDigestCache.InMemory(), _root);
        return (await planner.PlanAsync(graph, options ?? PlanOptions.Default)).ToDictionary(p => p.Id);
    }

    private void Publish(Dictionary<string, ImagePlan> plans)
    {
        foreach (var plan in plans.Values)
        {
            _published.Labels[plan.PrimaryReference] = new Dictionary<string, string>
            {
                [ImageLabels.Fingerprint] = plan.Inputs.Fingerprint,
                [ImageLabels.Inputs] = InputsLabel.Encode(plan.Inputs.Digests),
            };
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, "images", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class MemoryLabels : IPublishedLabels
    {
        public Dictionary<string, IReadOnlyDictionary<string, string>> Labels { get; } = new();

        public string Description => "test registry";

        public Task<IReadOnlyDictionary<string, string>?> GetAsync(string registry, string repositoryPath, string tag,
            string reference, CancellationToken token) =>
            Task.FromResult(Labels.GetValueOrDefault(reference));
    }
}
