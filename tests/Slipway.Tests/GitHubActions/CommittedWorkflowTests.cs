using Slipway.GitHubActions;
using Slipway.Tests.Integration;

namespace Slipway.Tests.GitHubActions;

public sealed class CommittedWorkflowTests
{
    [Fact]
    public void CommittedWorkflowMatchesBuildClass()
    {
        var path = Path.Combine(RepositoryCopy.SourceRoot, Build.Workflow.RelativePath);
        Assert.True(File.Exists(path), $"{path} is missing. Run ./build.sh GenerateWorkflow and commit it.");

        var difference = WorkflowStaleness.Diff(WorkflowWriter.Write(Build.Workflow), File.ReadAllText(path));

        Assert.True(difference is null, $"The committed workflow is stale. Run ./build.sh GenerateWorkflow.\n{difference}");
    }

    [Fact]
    public void PullRequestsGetNoSecretsOrPush()
    {
        var workflow = WorkflowWriter.Write(Build.Workflow);

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
        var secrets = Build.Workflow.Secrets.Select(s => s.EnvironmentVariable).ToList();

        Assert.Contains("DOCKER_HUB_USERNAME", secrets);
        Assert.Contains("DOCKER_HUB_TOKEN", secrets);
    }
}
