using Slipway.Tests.Descriptions.Fakes;

namespace Slipway.Tests.Integration;

/// <summary>
/// BuildChanged with a Docker Hub-like description endpoint: the real engine and registry build and push, and a
/// fake of Docker Hub's API on loopback receives the descriptions. The registry here is treated as Docker Hub's.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DescriptionRunTests(EngineFixture engine)
{
    [Fact]
    public async Task BuildChangedSyncsDescriptionsWithoutPrintingToken()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await using var hub = new FakeDockerHub();
        foreach (var name in new[] { "base", "static-web", "toolbox" })
            hub.Repositories[$"{repository.Namespace}/{name}"] = ("", "");

        var result = await RunAsync(repository, hub);

        var output = result.StandardOutput + result.StandardError;
        Assert.True(result.Succeeded, output);
        Assert.DoesNotContain(FakeDockerHub.PersonalAccessToken, output);
        Assert.DoesNotContain(FakeDockerHub.AccessToken, output);
        var readme = await File.ReadAllTextAsync(repository.Path("images", "static-web", "2.0", "README.md"));
        var (full, summary) = hub.Repositories[$"{repository.Namespace}/static-web"];
        Assert.Equal(readme, full);
        Assert.Equal("Static file server on busybox httpd, non-root, with single-page app support.", summary);
        Assert.Equal(await File.ReadAllTextAsync(repository.Path("images", "toolbox", "README.md")),
            hub.Repositories[$"{repository.Namespace}/toolbox"].Full);
        Assert.Equal(3, hub.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task ReadmeChangeOutsideContextResyncsWithoutRebuild()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await using var hub = new FakeDockerHub();
        foreach (var name in new[] { "base", "static-web", "toolbox" })
            hub.Repositories[$"{repository.Namespace}/{name}"] = ("", "");
        Assert.True((await RunAsync(repository, hub)).Succeeded);
        var readmePath = repository.Path("images", "base", "README.md");
        await File.AppendAllTextAsync(readmePath, "\nA new paragraph.\n");
        var requestsBefore = hub.Requests.Count;

        var result = await RunAsync(repository, hub);

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        Assert.All(repository.ReadStatuses().Values, status => Assert.Equal("up-to-date", status));
        var patches = hub.Requests.Skip(requestsBefore).Where(r => r.Method == "PATCH").ToList();
        var patch = Assert.Single(patches);
        Assert.Equal($"/v2/repositories/{repository.Namespace}/base/", patch.PathAndQuery);
        Assert.Equal(await File.ReadAllTextAsync(readmePath), hub.Repositories[$"{repository.Namespace}/base"].Full);
    }

    [Fact]
    public async Task DescriptionFailureKeepsPushAndFailsRun()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await using var hub = new FakeDockerHub();
        // No repositories on the fake: every GET returns 404, as Hub does for a repository that does not exist.

        var result = await RunAsync(repository, hub);

        Assert.Equal(1, result.ExitCode);
        Assert.All(repository.ReadStatuses().Values, status => Assert.Equal("pushed", status));
        Assert.Contains("Description updates failed", result.StandardOutput + result.StandardError);
        Assert.DoesNotContain(FakeDockerHub.PersonalAccessToken, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task DescribeDryRunNeedsNoCredentials()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        // A closed loopback port as the API, so that nothing could be sent even if the dry run tried.
        var closedApi = $"http://127.0.0.1:{FakeHttpServer.FreeLoopbackPort()}/";

        var result = await repository.RunBuildAsync(new Dictionary<string, string?> { ["DOCKER_HUB_TOKEN"] = null },
            "Describe", "--dry-run", "--registry", "hub.invalid", "--namespace", "acme",
            "--docker-hub-registry", "hub.invalid", "--docker-hub-api-url", closedApi);

        var output = result.StandardOutput + result.StandardError;
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hub.invalid/acme/static-web: would send images/static-web/2.0/README.md", output);
        Assert.Contains("hub.invalid/acme/toolbox: would send images/toolbox/README.md", output);
        Assert.DoesNotContain("not synced", output);
    }

    private static Task<Slipway.Docker.ProcessResult> RunAsync(RepositoryCopy repository, FakeDockerHub hub) =>
        repository.RunBuildAsync(
            new Dictionary<string, string?> { ["DOCKER_HUB_TOKEN"] = FakeDockerHub.PersonalAccessToken },
            "BuildChanged", "--docker-hub-registry", repository.Registry, "--docker-hub-api-url",
            hub.Server.BaseAddress.ToString(), "--docker-hub-username", FakeDockerHub.Username, "--verbosity", "verbose");
}
