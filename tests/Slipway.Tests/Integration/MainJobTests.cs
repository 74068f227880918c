using Slipway.Planning;
using Slipway.Registries;
using Slipway.Tests.Descriptions.Fakes;

namespace Slipway.Tests.Integration;

/// <summary>BuildChanged end to end on a copy of this repository's images, with the real engine and a real registry.</summary>
[Collection(EngineCollection.Name)]
public sealed class MainJobTests(EngineFixture engine)
{
    private static readonly string[] AllImages = ["base/1.0", "static-web/1.0", "static-web/2.0", "toolbox/1.0"];

    [Fact]
    public async Task FirstRunPushesEveryImage()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);

        var result = await repository.RunBuildAsync("BuildChanged");

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        var statuses = repository.ReadStatuses();
        Assert.Equal(AllImages, statuses.Keys.Order());
        Assert.All(statuses.Values, status => Assert.Equal("pushed", status));
        var registry = new RegistryClient(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null));
        foreach (var (repositoryPath, tag) in new[]
                 {
                     ("base", "1.0"), ("static-web", "1.0"), ("static-web", "2.0"), ("static-web", "latest"),
                     ("toolbox", "1.0"), ("toolbox", "latest"),
                 })
        {
            var labels = await registry.GetLabelsAsync(engine.Registry, $"{repository.Namespace}/{repositoryPath}", tag);
            Assert.NotNull(labels);
            Assert.StartsWith("sha256:", labels[ImageLabels.Fingerprint]);
            Assert.Equal(repositoryPath, labels["org.opencontainers.image.title"]);
        }
    }

    [Fact]
    public async Task SecondRunBuildsNothing()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        Assert.True((await repository.RunBuildAsync("BuildChanged")).Succeeded);

        var second = await repository.RunBuildAsync("BuildChanged");

        Assert.True(second.Succeeded, second.StandardOutput + second.StandardError);
        Assert.All(repository.ReadStatuses().Values, status => Assert.Equal("up-to-date", status));
        Assert.DoesNotContain("building", second.StandardOutput);
    }

    [Fact]
    public async Task ContextChangeRebuildsImageAndChildren()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        Assert.True((await repository.RunBuildAsync("BuildChanged")).Succeeded);
        await File.AppendAllTextAsync(repository.Path("images", "base", "1.0", "rootfs", "usr", "local", "bin", "run-as-app"),
            "# changed by a test\n");

        var result = await repository.RunBuildAsync("BuildChanged");

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        var statuses = repository.ReadStatuses();
        Assert.Equal("pushed", statuses["base/1.0"]);
        Assert.Equal("pushed", statuses["static-web/1.0"]);
        Assert.Equal("pushed", statuses["static-web/2.0"]);
        Assert.Equal("up-to-date", statuses["toolbox/1.0"]);
        Assert.Contains("changed: rootfs/usr/local/bin/run-as-app", result.StandardOutput);
        Assert.Contains("parent changed", result.StandardOutput);
    }

    [Fact]
    public async Task ChangeOutsideContextsRebuildsNothing()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        Assert.True((await repository.RunBuildAsync("BuildChanged")).Succeeded);
        await File.AppendAllTextAsync(repository.Path("images", "static-web", "README.md"), "\nMore words.\n");
        // Inside the context of static-web/2.0, but its .dockerignore excludes *.md.
        await File.AppendAllTextAsync(repository.Path("images", "static-web", "2.0", "README.md"), "\nMore words.\n");
        await File.WriteAllTextAsync(repository.Path("NOTES.txt"), "not part of any image\n");

        var result = await repository.RunBuildAsync("BuildChanged");

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        Assert.All(repository.ReadStatuses().Values, status => Assert.Equal("up-to-date", status));
    }

    [Fact]
    public async Task ImageTargetRebuildsUpToDateImage()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        Assert.True((await repository.RunBuildAsync("BuildChanged")).Succeeded);

        var result = await repository.RunBuildAsync("static-web/1.0");

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        var statuses = repository.ReadStatuses();
        Assert.Equal(["static-web/1.0"], statuses.Keys);
        Assert.Equal("pushed", statuses["static-web/1.0"]);
        Assert.Contains("forced", result.StandardOutput);
    }

    [Fact]
    public async Task BrokenImageSkipsChildrenOnly()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await File.AppendAllTextAsync(repository.Path("images", "base", "1.0", "Dockerfile"), "RUN exit 3\n");

        var result = await repository.RunBuildAsync("BuildChanged");

        Assert.Equal(1, result.ExitCode);
        var statuses = repository.ReadStatuses();
        Assert.Equal("failed", statuses["base/1.0"]);
        Assert.Equal("skipped", statuses["static-web/1.0"]);
        Assert.Equal("skipped", statuses["static-web/2.0"]);
        Assert.Equal("pushed", statuses["toolbox/1.0"]);
        Assert.Contains("parent base/1.0 failed", result.StandardOutput);
    }

    [Fact]
    public async Task FailingImageTestStopsPush()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await File.WriteAllTextAsync(repository.Path("images", "base", "image.yml"), "test: [sh, -c, 'echo broken; exit 4']\n");

        var result = await repository.RunBuildAsync("BuildChanged");

        Assert.Equal(1, result.ExitCode);
        var statuses = repository.ReadStatuses();
        Assert.Equal("failed", statuses["base/1.0"]);
        Assert.Equal("skipped", statuses["static-web/2.0"]);
        Assert.Equal("pushed", statuses["toolbox/1.0"]);
        Assert.Contains("test failed with exit code 4: broken", result.StandardOutput);
        var registry = new RegistryClient(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null));
        Assert.Null(await registry.GetLabelsAsync(engine.Registry, $"{repository.Namespace}/base", "1.0"));
    }

    [Fact]
    public async Task DownSecondRegistryKeepsImageUnpublished()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        var closedRegistry = $"127.0.0.1:{FakeHttpServer.FreeLoopbackPort()}";

        var failed = await repository.RunBuildAsync("BuildChanged", "--images", "toolbox/1.0",
            "--registry", engine.Registry, closedRegistry);

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("failed", repository.ReadStatuses()["toolbox/1.0"]);
        Assert.Contains("connection refused", failed.StandardOutput);
        // The primary version tag is what planning reads, so it must not exist while a push is missing.
        var registry = new RegistryClient(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null));
        Assert.Null(await registry.GetLabelsAsync(engine.Registry, $"{repository.Namespace}/toolbox", "1.0"));

        var retried = await repository.RunBuildAsync("BuildChanged", "--images", "toolbox/1.0");

        Assert.True(retried.Succeeded, retried.StandardOutput + retried.StandardError);
        Assert.Equal("pushed", repository.ReadStatuses()["toolbox/1.0"]);
    }

    [Fact]
    public async Task CredentialsPushWithoutLeakingPassword()
    {
        const string password = "pw-SECRET-7781";
        var registry = await engine.StartRegistryAsync("ci-user", password);
        using var repository = RepositoryCopy.Create(registry);
        var userConfig = Directory.CreateTempSubdirectory("slipway-user-docker-").FullName;
        var environment = new Dictionary<string, string?> { ["DOCKER_CONFIG"] = userConfig, ["REGISTRY_PASSWORD"] = password };

        var withoutCredentials = await repository.RunBuildAsync(new Dictionary<string, string?> { ["DOCKER_CONFIG"] = userConfig },
            "Plan");
        var result = await repository.RunBuildAsync(environment, "BuildChanged", "--images", "toolbox/1.0",
            "--registry-username", "ci-user", "--verbosity", "verbose");
        var again = await repository.RunBuildAsync(environment, "Plan", "--registry-username", "ci-user");

        Assert.Equal(1, withoutCredentials.ExitCode);
        Assert.Contains("--registry-username", withoutCredentials.StandardOutput);
        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        Assert.Equal("pushed", repository.ReadStatuses()["toolbox/1.0"]);
        Assert.DoesNotContain(password, result.StandardOutput + result.StandardError);
        Assert.Contains("toolbox/1.0: up to date", again.StandardOutput);
        Assert.Empty(Directory.GetFileSystemEntries(userConfig));
        Assert.Empty(Directory.GetDirectories(repository.Path(".nuke", "temp"), "docker-config-*"));
        Directory.Delete(userConfig, recursive: true);
    }

    [Fact]
    public async Task NoPushComparesLocalImages()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);

        var first = await repository.RunBuildAsync("BuildChanged", "--no-push");
        var firstStatuses = repository.ReadStatuses();
        var second = await repository.RunBuildAsync("BuildChanged", "--no-push");

        Assert.True(first.Succeeded, first.StandardOutput + first.StandardError);
        Assert.All(firstStatuses.Values, status => Assert.Equal("built", status));
        Assert.True(second.Succeeded, second.StandardOutput + second.StandardError);
        Assert.All(repository.ReadStatuses().Values, status => Assert.Equal("up-to-date", status));
        var registry = new RegistryClient(new HttpClient(), _ => Task.FromResult<RegistryCredentials?>(null));
        Assert.Null(await registry.GetLabelsAsync(engine.Registry, $"{repository.Namespace}/base", "1.0"));
        var local = await engine.Docker.GetLocalLabelsAsync(repository.Reference("base", "1.0"));
        Assert.NotNull(local);
        Assert.StartsWith("sha256:", local[ImageLabels.Fingerprint]);
    }

    [Fact]
    public async Task ForceOptionsSelectImages()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);

        var byName = await PlanStatusesAsync(repository, new Dictionary<string, string?>(), "--force-images", "static-web");
        var all = await PlanStatusesAsync(repository, new Dictionary<string, string?> { ["FORCE_ALL"] = "true" });

        Assert.Equal("forced", byName["static-web/1.0"]);
        Assert.Equal("forced", byName["static-web/2.0"]);
        Assert.Equal("new", byName["base/1.0"]);
        Assert.All(all.Values, status => Assert.Equal("forced", status));
    }

    private static async Task<Dictionary<string, string>> PlanStatusesAsync(RepositoryCopy repository,
        IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var result = await repository.RunBuildAsync(environment, ["Plan", "--json", "--verbosity", "quiet", .. arguments]);
        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        using var plan = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        return plan.RootElement.GetProperty("images").EnumerateArray().ToDictionary(
            image => image.GetProperty("id").GetString()!, image => image.GetProperty("status").GetString()!);
    }

    [Fact]
    public async Task HelpListsImageTargets()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);

        var result = await repository.RunBuildAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var target in AllImages.Append("static-web").Append("BuildChanged").Append("Plan"))
            Assert.Contains(target, result.StandardOutput);
        Assert.Contains("--registry", result.StandardOutput);
    }
}
