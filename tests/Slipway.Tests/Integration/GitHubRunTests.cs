namespace Slipway.Tests.Integration;

/// <summary>What the build writes for GitHub Actions: the planning job's matrix, the job summary and annotations.</summary>
[Collection(EngineCollection.Name)]
public sealed class GitHubRunTests(EngineFixture engine)
{
    [Fact]
    public async Task PlanMatrixGroupsChangedParentWithChildren()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        Directory.CreateDirectory(repository.Path("images", "extra", "1.0"));
        await File.WriteAllTextAsync(repository.Path("images", "extra", "1.0", "Dockerfile"), "FROM busybox:1.36\nCMD [\"true\"]\n");
        Assert.True((await repository.RunBuildAsync("BuildChanged")).Succeeded);
        await File.AppendAllTextAsync(repository.Path("images", "base", "1.0", "Dockerfile"), "LABEL changed=parent\n");
        await File.AppendAllTextAsync(repository.Path("images", "toolbox", "1.0", "motd"), "changed\n");
        var outputFile = repository.Path("github-output.txt");

        var result = await repository.RunBuildAsync(new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = outputFile },
            "Plan", "--github-matrix");

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        var lines = await File.ReadAllLinesAsync(outputFile);
        Assert.Equal(
            "matrix={\"include\":[{\"group\":\"base-1.0\",\"images\":\"base/1.0+static-web/1.0+static-web/2.0\"}," +
            "{\"group\":\"toolbox-1.0\",\"images\":\"toolbox/1.0\"}]}",
            lines[0]);
        Assert.Equal("count=2", lines[1]);
    }

    [Fact]
    public async Task FailureWritesSummaryAndAnnotation()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await File.AppendAllTextAsync(repository.Path("images", "base", "1.0", "Dockerfile"), "RUN exit 3\n");
        var summaryFile = repository.Path("step-summary.md");

        var result = await repository.RunBuildAsync(
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summaryFile },
            "BuildChanged");

        Assert.Equal(1, result.ExitCode);
        var summary = await File.ReadAllTextAsync(summaryFile);
        Assert.Contains("| `base/1.0` | failed |", summary);
        Assert.Contains("| `static-web/1.0` | skipped | parent base/1.0 failed |", summary);
        Assert.Contains("| `toolbox/1.0` | pushed |", summary);
        Assert.Contains("mermaid", summary);
        Assert.Contains("base/1.0", summary[summary.IndexOf("mermaid", StringComparison.Ordinal)..]);
        Assert.Contains("::error file=images/base/1.0/Dockerfile", result.StandardOutput);
        Assert.Contains("::group::BuildChanged", result.StandardOutput);
    }
}
