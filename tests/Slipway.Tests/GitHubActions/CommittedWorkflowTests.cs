using Slipway.GitHubActions;
using Slipway.Tests.Integration;

namespace Slipway.Tests.GitHubActions;

public sealed class CommittedWorkflowTests
{
    /// <summary>The workflow the build class describes for this repository's own images.</summary>
    internal static WorkflowDefinition RepositoryWorkflow =>
        Build.CreateWorkflow(Slipway.Catalog.ImageCatalog.Discover(RepositoryCopy.SourceRoot));

    [Fact]
    public void CommittedWorkflowMatchesBuildClass()
    {
        var path = Path.Combine(RepositoryCopy.SourceRoot, RepositoryWorkflow.RelativePath);
        Assert.True(File.Exists(path), $"{path} is missing. Run ./build.sh GenerateWorkflow and commit it.");

        var difference = WorkflowStaleness.Diff(WorkflowWriter.Write(RepositoryWorkflow), File.ReadAllText(path));

        Assert.True(difference is null, $"The committed workflow is stale. Run ./build.sh GenerateWorkflow.\n{difference}");
    }

    [Fact]
    public void PullRequestsGetNoSecretsOrPush()
    {
        var workflow = WorkflowWriter.Write(RepositoryWorkflow);

        Assert.Contains("NO_PUSH: ${{ github.event_name == 'pull_request' }}", workflow);
        Assert.Contains("if: github.event_name != 'pull_request'", workflow);
        Assert.Contains("contents: read", workflow);
        Assert.DoesNotContain("packages: write", workflow);
        Assert.DoesNotContain("run: ./build.cmd BuildChanged ${{", workflow);
    }

    [Fact]
    public void BuildStepGetsDockerHubDescriptionCredentials()
    {
        // Descriptions are skipped unless both the username and the token reach BuildChanged.
        var secrets = RepositoryWorkflow.Secrets.Select(s => s.EnvironmentVariable).ToList();

        Assert.Contains("DOCKER_HUB_USERNAME", secrets);
        Assert.Contains("DOCKER_HUB_TOKEN", secrets);
    }

    [Fact]
    public void QemuOnlyForMultiPlatformImages()
    {
        var single = Image("web", []);
        var multi = Image("tool", ["linux/amd64", "linux/arm64"]);

        Assert.DoesNotContain("setup-qemu-action", WorkflowWriter.Write(Build.CreateWorkflow([single])));
        Assert.Contains("setup-qemu-action", WorkflowWriter.Write(Build.CreateWorkflow([single, multi])));
    }

    private static Slipway.Catalog.ImageDefinition Image(string name, IReadOnlyList<string> platforms) => new()
    {
        Name = name,
        Version = "1.0",
        Folder = "/repo/images/" + name + "/1.0",
        ContextDirectory = "/repo/images/" + name + "/1.0",
        DockerfilePath = "/repo/images/" + name + "/1.0/Dockerfile",
        Tags = ["1.0"],
        BuildArgs = new Dictionary<string, string>(),
        Platforms = platforms,
    };
}
