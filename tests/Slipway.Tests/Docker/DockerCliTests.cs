using Slipway.Docker;

namespace Slipway.Tests.Docker;

/// <summary>The docker CLI wrapper against stand-in client scripts that print what a real client prints.</summary>
public sealed class DockerCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-docker-cli-").FullName;

    [Fact]
    public async Task PushReturnsReportedDigest()
    {
        var cli = Client("echo 'abc123: Pushed'; echo '1.0: digest: sha256:" + new string('a', 64) + " size: 941'; exit 0");

        var digest = await cli.PushAsync("127.0.0.1:5000/acme/web:1.0", _ => { }, CancellationToken.None);

        Assert.Equal("sha256:" + new string('a', 64), digest);
    }

    [Fact]
    public async Task PushErrorInStreamFailsDespiteExitZero()
    {
        var cli = Client("echo 'abc123: Pushing'; echo 'received unexpected HTTP status: 500 Internal Server Error' >&2; exit 0");

        var error = await Assert.ThrowsAsync<DockerCommandException>(
            () => cli.PushAsync("127.0.0.1:5000/acme/web:1.0", _ => { }, CancellationToken.None));

        Assert.Contains("docker push 127.0.0.1:5000/acme/web:1.0 failed", error.Message);
        Assert.Contains("500 Internal Server Error", error.Message);
    }

    [Fact]
    public async Task PushNonZeroExitFails()
    {
        var cli = Client("echo 'denied: requested access to the resource is denied' >&2; exit 1");

        var error = await Assert.ThrowsAsync<DockerCommandException>(
            () => cli.PushAsync("docker.io/acme/web:1.0", _ => { }, CancellationToken.None));

        Assert.Equal(1, error.Result.ExitCode);
        Assert.Contains("denied", error.Message);
    }

    [Theory]
    [InlineData(BuilderKind.Buildx, "buildx build --load")]
    [InlineData(BuilderKind.EngineBuildKit, "build --file")]
    [InlineData(BuilderKind.Classic, "build --file")]
    public void BuildArgumentsFollowBuilder(BuilderKind builder, string start)
    {
        var cli = new DockerCli(new DockerClientInfo("docker", "28.2.2", builder));
        var request = new ImageBuildRequest("/ctx", "/ctx/Dockerfile", ["r/web:1.0", "r/web:latest"],
            new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" }, new Dictionary<string, string> { ["l"] = "v" },
            "runtime", ["linux/amd64"], "none", ["r/web:1.0"]);

        var arguments = string.Join(' ', cli.BuildArguments(request, "/tmp/iid"));

        Assert.StartsWith(start, arguments);
        Assert.Contains("--tag r/web:1.0 --tag r/web:latest", arguments);
        Assert.Contains("--build-arg A=1 --build-arg B=2", arguments);
        Assert.Equal(builder != BuilderKind.Classic, arguments.Contains("BUILDKIT_INLINE_CACHE=1"));
        Assert.Contains("--target runtime --platform linux/amd64 --network none --cache-from r/web:1.0", arguments);
        Assert.EndsWith("/ctx", arguments);
    }

    [Fact]
    public void PullAndCacheExportArePassed()
    {
        var cli = new DockerCli(new DockerClientInfo("docker", "28.2.2", BuilderKind.Buildx, "docker-container"));
        var request = new ImageBuildRequest("/ctx", "/ctx/Dockerfile", ["r/web:1.0"], new Dictionary<string, string>(),
            new Dictionary<string, string>(), null, [], null, ["type=gha,scope=g/web-1.0"], ["type=gha,mode=max,scope=g/web-1.0"],
            Pull: true);

        var arguments = string.Join(' ', cli.BuildArguments(request, "/tmp/iid"));

        Assert.Contains("--cache-from type=gha,scope=g/web-1.0 --cache-to type=gha,mode=max,scope=g/web-1.0 --pull", arguments);
        Assert.DoesNotContain("--network", arguments);
    }

    [Fact]
    public async Task ClientWithoutBuildxAfter23IsClassic()
    {
        var path = Script("docker-28", """
            if [ "$1" = version ]; then echo 28.2.2; exit 0; fi
            if [ "$1" = buildx ]; then echo "docker: unknown command: docker buildx" >&2; exit 1; fi
            """);

        var client = await DockerClientLocator.ProbeAsync(path);

        Assert.Equal(BuilderKind.Classic, client!.Builder);
        Assert.Equal("28.2.2", client.Version);
    }

    [Fact]
    public async Task OldClientUsesEngineBuildKit()
    {
        var path = Script("docker-20", """
            if [ "$1" = version ]; then echo 20.10.24+dfsg1; exit 1; fi
            exit 1
            """);

        var client = await DockerClientLocator.ProbeAsync(path);

        Assert.Equal(BuilderKind.EngineBuildKit, client!.Builder);
    }

    [Fact]
    public async Task BuildxClientReportsDriver()
    {
        var path = Script("docker-buildx", """
            if [ "$1" = version ]; then echo 28.2.2; exit 0; fi
            if [ "$2" = version ]; then echo "github.com/docker/buildx v0.25.0"; exit 0; fi
            if [ "$2" = inspect ]; then printf 'Name:   builder\nDriver: docker-container\n'; exit 0; fi
            """);

        var client = await DockerClientLocator.ProbeAsync(path);

        Assert.Equal(BuilderKind.Buildx, client!.Builder);
        Assert.Equal("docker-container", client.BuildxDriver);
        Assert.True(client.CanExportCache);
    }

    private DockerCli Client(string pushScript) =>
        new(new DockerClientInfo(Script("docker", pushScript), "28.2.2", BuilderKind.Classic));

    private string Script(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
