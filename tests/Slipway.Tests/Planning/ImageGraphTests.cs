using Slipway.Catalog;
using Slipway.Planning;

namespace Slipway.Tests.Planning;

public sealed class ImageGraphTests : IDisposable
{
    private static readonly PublishTarget Target = new(["127.0.0.1:5000", "docker.io"], "acme");
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-graph-").FullName;

    [Fact]
    public void PrefixArgMakesInRepoParent()
    {
        Dockerfile("base/1.0", "FROM busybox:1.36\n");
        Dockerfile("web/1.0", "ARG REPOSITORY_PREFIX=docker.io/acme\nFROM ${REPOSITORY_PREFIX}/base:1.0\n");

        var graph = Create();

        var web = graph.Ordered.Single(n => n.Image.Id == "web/1.0");
        Assert.Equal("127.0.0.1:5000/acme", web.BuildArgs[PublishTarget.RepositoryPrefixArg]);
        Assert.Equal("base/1.0", Assert.Single(web.Parents).Image.Id);
        Assert.Equal(["base/1.0", "web/1.0"], graph.Ordered.Select(n => n.Image.Id));
    }

    [Fact]
    public void AnyConfiguredRegistryAndTagCounts()
    {
        Dockerfile("base/1.0", "FROM busybox:1.36\n");
        File.WriteAllText(Path.Combine(_root, "images", "base", "1.0", "image.yml"), "tags: [latest]\n");
        Dockerfile("web/1.0", "FROM acme/base\n");
        Dockerfile("api/1.0", "FROM busybox:1.36 AS tools\nFROM scratch\nCOPY --from=docker.io/acme/base:1.0 /bin /bin\n");

        var graph = Create();

        Assert.Equal("base/1.0", Assert.Single(Node(graph, "web/1.0").Parents).Image.Id);
        Assert.Equal("base/1.0", Assert.Single(Node(graph, "api/1.0").Parents).Image.Id);
    }

    [Fact]
    public void SameNameElsewhereIsExternal()
    {
        Dockerfile("redis/7", "FROM busybox:1.36\n");
        Dockerfile("cache/1.0", "FROM redis:7\n");

        var cache = Node(Create(), "cache/1.0");

        Assert.Empty(cache.Parents);
        Assert.Equal("redis:7", Assert.Single(cache.ExternalBases).Reference);
    }

    [Fact]
    public void CycleIsListed()
    {
        Dockerfile("a/1", "FROM docker.io/acme/b:1\n");
        Dockerfile("b/1", "FROM docker.io/acme/c:1\n");
        Dockerfile("c/1", "FROM docker.io/acme/a:1\n");

        var error = Assert.Throws<PlanException>(Create);

        Assert.Contains("a/1 -> b/1 -> c/1 -> a/1", error.Message);
    }

    [Fact]
    public void SelfReferenceNamesDockerfile()
    {
        Dockerfile("a/1", "FROM busybox:1.36\nCOPY --from=docker.io/acme/a:1 / /\n");

        var error = Assert.Throws<PlanException>(Create);

        Assert.Contains("images/a/1/Dockerfile:2", error.Message);
        Assert.Contains("builds on itself", error.Message);
    }

    [Fact]
    public void UnresolvedFromIsKept()
    {
        Dockerfile("a/1", "ARG BASE\nFROM ${BASE}\n");

        var node = Node(Create(), "a/1");

        Assert.Single(node.Unresolved);
        Assert.Empty(node.Parents);
    }

    private ImageGraph Create() => ImageGraph.Create(ImageCatalog.Discover(_root), Target, _root);

    private static ImageNode Node(ImageGraph graph, string id) => graph.Ordered.Single(n => n.Image.Id == id);

    private void Dockerfile(string image, string text)
    {
        var folder = Path.Combine(_root, "images", image);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
