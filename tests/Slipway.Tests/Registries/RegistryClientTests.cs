using System.Text;
using Slipway.Registries;
using Slipway.Tests.Descriptions.Fakes;

namespace Slipway.Tests.Registries;

/// <summary>
/// The OCI distribution client against a fake registry on loopback that plays the protocol: manifests, indexes,
/// config blobs, and Bearer or Basic challenges.
/// </summary>
public sealed class RegistryClientTests
{
    private const string ConfigDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string AmdDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string ArmDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    private const string ArmConfig = "sha256:4444444444444444444444444444444444444444444444444444444444444444";

    [Fact]
    public async Task ManifestThenConfigLabels()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: null));

        var labels = await Client().GetLabelsAsync(Registry(server), "acme/web", "1.0");

        Assert.NotNull(labels);
        Assert.Equal("amd64-fingerprint", labels["dev.slipway.fingerprint"]);
        Assert.Equal(["/v2/acme/web/manifests/1.0", $"/v2/acme/web/blobs/{ConfigDigest}"],
            server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task MissingTagReturnsNull()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: null));

        Assert.Null(await Client().GetLabelsAsync(Registry(server), "acme/web", "9.9"));
    }

    [Fact]
    public async Task IndexPicksConfiguredPlatform()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: null));
        var amd = await Client().GetLabelsAsync(Registry(server), "acme/web", "multi");
        var arm = await new RegistryClient(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null))
            { Platform = "linux/arm64" }.GetLabelsAsync(Registry(server), "acme/web", "multi");

        Assert.Equal("amd64-fingerprint", amd!["dev.slipway.fingerprint"]);
        Assert.Equal("arm64-fingerprint", arm!["dev.slipway.fingerprint"]);
        Assert.Contains(server.Requests, r => r.PathAndQuery == $"/v2/acme/web/manifests/{AmdDigest}");
    }

    [Fact]
    public async Task BearerChallengeGetsTokenWithCredentials()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: "bearer"));
        var client = new RegistryClient(new HttpClient(),
            _ => Task.FromResult<RegistryCredentials?>(new RegistryCredentials("ci", "s3cret")));

        var labels = await client.GetLabelsAsync(Registry(server), "acme/web", "1.0");

        Assert.Equal("amd64-fingerprint", labels!["dev.slipway.fingerprint"]);
        var tokenRequest = Assert.Single(server.Requests, r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal));
        Assert.Equal("/token?service=fake&scope=repository%3Aacme%2Fweb%3Apull", tokenRequest.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:s3cret")), tokenRequest.Header("Authorization"));
        Assert.All(server.Requests.Where(r => r.PathAndQuery.StartsWith("/v2/acme", StringComparison.Ordinal)).Skip(1),
            r => Assert.Equal("Bearer registry-token", r.Header("Authorization")));
    }

    [Fact]
    public async Task BasicChallengeSendsCredentials()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: "basic"));
        var client = new RegistryClient(new HttpClient(),
            _ => Task.FromResult<RegistryCredentials?>(new RegistryCredentials("ci", "s3cret")));

        var labels = await client.GetLabelsAsync(Registry(server), "acme/web", "1.0");

        Assert.Equal("amd64-fingerprint", labels!["dev.slipway.fingerprint"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:s3cret")),
            server.Requests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task BasicChallengeWithoutCredentialsNamesFix()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: "basic"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => Client().GetLabelsAsync(Registry(server), "acme/web", "1.0"));

        Assert.Contains("401", error.Message);
        Assert.Contains("--registry-username", error.Message);
    }

    [Fact]
    public async Task CachedDigestNeedsOnlyHead()
    {
        await using var server = new FakeHttpServer(request => Serve(request, auth: "bearer"));
        var cache = ManifestLabelCache.InMemory();
        var client = new RegistryClient(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null), cache);

        var first = await client.GetLabelsAsync(Registry(server), "acme/web", "1.0");
        var requestsAfterFirst = server.Requests.Count;
        var second = await client.GetLabelsAsync(Registry(server), "acme/web", "1.0");

        Assert.Equal("amd64-fingerprint", first!["dev.slipway.fingerprint"]);
        Assert.Equal("amd64-fingerprint", second!["dev.slipway.fingerprint"]);
        var secondRun = server.Requests.Skip(requestsAfterFirst)
            .Where(r => r.PathAndQuery.StartsWith("/v2/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(secondRun);
        Assert.All(secondRun, r => Assert.Equal("HEAD", r.Method));
    }

    [Fact]
    public void CacheSurvivesSaveAndLoad()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-labels-{Guid.NewGuid():N}.json");
        try
        {
            var cache = ManifestLabelCache.Load(path);
            cache.Set(AmdDigest, new Dictionary<string, string> { ["a"] = "b" });
            cache.Save();

            var loaded = ManifestLabelCache.Load(path);

            Assert.True(loaded.TryGet(AmdDigest, out var labels));
            Assert.Equal("b", labels["a"]);
            Assert.False(loaded.TryGet(ArmDigest, out _));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DockerConfigAuthIsRead()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-docker-config-").FullName;
        try
        {
            var config = Path.Combine(folder, "config.json");
            var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("robot:p@ss:word"));
            var entry = new Dictionary<string, string> { ["auth"] = auth };
            await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(new
            {
                auths = new Dictionary<string, object> { ["127.0.0.1:5000"] = entry, ["https://index.docker.io/v1/"] = entry },
            }));

            var local = await new DockerConfigCredentials(config).FindAsync("127.0.0.1:5000");
            var hub = await new DockerConfigCredentials(config).FindAsync("docker.io");
            var none = await new DockerConfigCredentials(config).FindAsync("ghcr.io");

            Assert.Equal(new RegistryCredentials("robot", "p@ss:word"), local);
            Assert.Equal(new RegistryCredentials("robot", "p@ss:word"), hub);
            Assert.Null(none);
            Assert.DoesNotContain("p@ss", local!.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RegistryClient Client() =>
        new(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null));

    private static string Registry(FakeHttpServer server) => server.BaseAddress.Authority;

    /// <summary>A registry with acme/web:1.0 (one manifest) and acme/web:multi (an OCI index for amd64 and arm64).</summary>
    private static FakeResponse Serve(RecordedRequest request, string? auth)
    {
        var path = request.PathAndQuery;
        if (path.StartsWith("/token", StringComparison.Ordinal))
            return FakeResponse.Json(200, new { token = "registry-token" });
        var authorization = request.Header("Authorization");
        if (auth == "bearer" && authorization != "Bearer registry-token")
            return Challenge($"Bearer realm=\"http://{request.Header("Host")}/token\",service=\"fake\",scope=\"repository:acme/web:pull\"");
        if (auth == "basic" && authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:s3cret")))
            return Challenge("Basic realm=\"fake\"");

        if (request.Method == "HEAD")
        {
            var digest = path switch
            {
                "/v2/acme/web/manifests/1.0" => AmdDigest,
                "/v2/acme/web/manifests/multi" => "sha256:" + new string('5', 64),
                _ => null,
            };
            return digest is null
                ? new FakeResponse(404)
                : new FakeResponse(200, "", new Dictionary<string, string> { ["Docker-Content-Digest"] = digest });
        }

        return path switch
        {
            "/v2/acme/web/manifests/1.0" or $"/v2/acme/web/manifests/{AmdDigest}" => Manifest(ConfigDigest),
            $"/v2/acme/web/manifests/{ArmDigest}" => Manifest(ArmConfig),
            "/v2/acme/web/manifests/multi" => FakeResponse.Json(200, new
            {
                schemaVersion = 2,
                mediaType = "application/vnd.oci.image.index.v1+json",
                manifests = new object[]
                {
                    new { digest = ArmDigest, platform = new { os = "linux", architecture = "arm64" } },
                    new { digest = AmdDigest, platform = new { os = "linux", architecture = "amd64" } },
                    new { digest = ConfigDigest, platform = new { os = "unknown", architecture = "unknown" } },
                },
            }),
            $"/v2/acme/web/blobs/{ConfigDigest}" => Config("amd64-fingerprint"),
            $"/v2/acme/web/blobs/{ArmConfig}" => Config("arm64-fingerprint"),
            _ => FakeResponse.Json(404, new { errors = new[] { new { code = "MANIFEST_UNKNOWN" } } }),
        };
    }

    private static FakeResponse Manifest(string config) => FakeResponse.Json(200, new
    {
        schemaVersion = 2,
        mediaType = "application/vnd.oci.image.manifest.v1+json",
        config = new { digest = config, mediaType = "application/vnd.oci.image.config.v1+json" },
    });

    private static FakeResponse Config(string fingerprint) =>
        FakeResponse.Json(200, new { config = new { Labels = new Dictionary<string, string> { ["dev.slipway.fingerprint"] = fingerprint } } });

    private static FakeResponse Challenge(string header) =>
        new(401, "{}", new Dictionary<string, string> { ["WWW-Authenticate"] = header });
}
