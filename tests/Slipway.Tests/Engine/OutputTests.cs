using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class OutputTests : IDisposable
{
    private const string Token = "tok-8f3a2c91";

    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class OutputBuild : BuildHost
    {
        [Parameter("Token for the registry."), Secret] public string? RegistryToken { get; set; }

        public Target Restore => _ => _.Executes(() => ReportSummary("3 tools"));
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => { });
        public Target All => _ => _.DependsOn(Compile);
        public Target Leak => _ => _.Executes(
            () => throw new BuildFailedException($"Login with {RegistryToken} failed."));
        public Target Report => _ => _.Executes(() => ReportSummary($"used {RegistryToken}"));
    }

    [Fact]
    public void GitHubActions_WrapsTargetsInGroups()
    {
        _root.Environment["GITHUB_ACTIONS"] = "true";
        var build = new OutputBuild();

        var result = _root.Run(build, "Compile");

        Assert.True(build.IsGitHubActions);
        var output = result.Output.ReplaceLineEndings("\n");
        Assert.Contains("::group::Restore\n::endgroup::\n::group::Compile\n::endgroup::", output);
    }

    [Fact]
    public void Terminal_PrintsBannerWithoutGroups()
    {
        var result = _root.Run(new OutputBuild(), "Compile");

        Assert.DoesNotContain("::group::", result.Output);
        Assert.Contains("━━━ Compile ━", result.Output);
    }

    [Fact]
    public void Summary_ListsTargetsWithStatusAndInfo()
    {
        var result = _root.Run(new OutputBuild(), "All");

        Assert.Equal(["Restore", "Succeeded", "< 1sec", "3 tools"], result.SummaryRow("Restore")!);
        Assert.Equal(["Compile", "Succeeded", "< 1sec"], result.SummaryRow("Compile")!);
        Assert.Equal(["Total", "< 1sec"], result.SummaryRow("Total")!);
        Assert.Null(result.SummaryRow("All"));
        Assert.Contains("Build succeeded on ", result.Output);
    }

    [Fact]
    public void Secrets_AbsentFromFailureAndSummary()
    {
        _root.Environment["REGISTRY_TOKEN"] = Token;

        var leak = _root.Run(new OutputBuild(), "Leak");
        var report = _root.Run(new OutputBuild(), "Report", "--verbosity", "verbose");

        Assert.Contains("Login with *** failed.", leak.Output);
        Assert.DoesNotContain(Token, leak.Output);
        Assert.Contains("used ***", report.Output);
        Assert.DoesNotContain(Token, report.Output);
    }

    [Fact]
    public void Secrets_AbsentFromInvalidValueError()
    {
        var result = _root.Run(new OutputBuild(), "Report", "--registry-token", Token, "second");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid value (secret) for --registry-token", result.Output);
        Assert.DoesNotContain(Token, result.Output);
    }

    [Fact]
    public void PlanOption_WritesMermaidGraphWithoutRunning()
    {
        var build = new OutputBuild();

        var result = _root.Run(build, "All", "--plan");

        var path = Path.Combine(_root.NukeDirectory, "temp", "execution-plan.html");
        var html = File.ReadAllText(path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(path, result.Output);
        Assert.DoesNotContain("Build succeeded", result.Output);
        Assert.Contains("graph TD", html);
        Assert.Contains("t0 --&gt; t1", html);
        Assert.Contains("class t0,t1,t2 scheduled", html);
    }

    [Fact]
    public void ReportSummary_OutsideTargetThrows()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => SummaryReporter.Report("x"));

        Assert.Contains("running target", exception.Message);
    }

    private sealed class SummaryReporter : BuildHost
    {
        public static void Report(string info) => ReportSummary(info);
    }
}
