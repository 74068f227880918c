using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class FailureTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class FailingBuild : BuildHost
    {
        public List<string> Executed { get; } = [];
        public CancellationTokenSource Cancellation { get; } = new();

        public Target Fail => _ => _.Executes(() => throw new BuildFailedException("Image web failed to build."));
        public Target Crash => _ => _.Executes(() => throw new InvalidOperationException("state is broken"));
        public Target Misused => _ => _.Executes(() => throw new UsageException("--max-parallel must be at least 1."));
        public Target Tolerated => _ => _.ProceedAfterFailure()
            .Executes(() => throw new BuildFailedException("Lint found issues."));
        public Target Later => _ => _.After(Fail, Tolerated, Cancel).Executes(() => Executed.Add(nameof(Later)));
        public Target Dependent => _ => _.DependsOn(Tolerated).Executes(() => Executed.Add(nameof(Dependent)));
        public Target Cleanup => _ => _.AssuredAfterFailure().After(Fail, Cancel, Later)
            .Executes(() => Executed.Add(nameof(Cleanup)));
        public Target Cancel => _ => _.Executes(() => Cancellation.Cancel());
    }

    [Fact]
    public void Failure_ExitsWithOneAndPrintsMessage()
    {
        var result = _root.Run(new FailingBuild(), "Fail");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Target Fail failed: Image web failed to build.", result.Output);
        Assert.Contains("Build failed on ", result.Output);
    }

    [Fact]
    public void UsageFailure_ExitsWithTwo()
    {
        var result = _root.Run(new FailingBuild(), "Misused");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Target Misused failed: --max-parallel must be at least 1.", result.Output);
        Assert.DoesNotContain("UsageException", result.Output);
    }

    [Fact]
    public void Failure_StopsLaterTargets()
    {
        var build = new FailingBuild();

        var result = _root.Run(build, "Fail", "Later");

        Assert.Empty(build.Executed);
        Assert.Equal("NotRun", result.SummaryRow("Later")?[1]);
    }

    [Fact]
    public void UnexpectedException_ShowsTypeWithoutStackTrace()
    {
        var result = _root.Run(new FailingBuild(), "Crash");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("InvalidOperationException: state is broken", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void UnexpectedException_ShowsStackTraceWhenVerbose()
    {
        var result = _root.Run(new FailingBuild(), "Crash", "--verbosity", "verbose");

        Assert.Contains("   at ", result.Output);
    }

    [Fact]
    public void ProceedAfterFailure_RunsLaterTargets()
    {
        var build = new FailingBuild();

        var result = _root.Run(build, "Tolerated", "Later");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Later"], build.Executed);
        Assert.Equal("Failed", result.SummaryRow("Tolerated")?[1]);
    }

    [Fact]
    public void ProceedAfterFailure_DoesNotRunDependents()
    {
        var build = new FailingBuild();

        var result = _root.Run(build, "Dependent");

        Assert.Empty(build.Executed);
        Assert.Equal("NotRun", result.SummaryRow("Dependent")?[1]);
    }

    [Fact]
    public void AssuredAfterFailure_RunsAfterFailure()
    {
        var build = new FailingBuild();

        var result = _root.Run(build, "Fail", "Later", "Cleanup");

        Assert.Equal(["Cleanup"], build.Executed);
        Assert.Equal("Succeeded", result.SummaryRow("Cleanup")?[1]);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Cancellation_AbortsAllButAssuredTargets()
    {
        var build = new FailingBuild();

        var result = _root.Run(build, ["Cancel", "Later", "Cleanup"], [], build.Cancellation.Token);

        Assert.Equal(["Cleanup"], build.Executed);
        Assert.Equal("Aborted", result.SummaryRow("Later")?[1]);
        Assert.Equal(1, result.ExitCode);
    }

    private sealed class BrokenDefinitionBuild : BuildHost
    {
        public Target Broken => throw new BuildFailedException("Broken cannot be defined.");
    }

    [Fact]
    public void BrokenTargetProperty_ShowsItsMessage()
    {
        var result = _root.Run(new BrokenDefinitionBuild(), "Broken");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: Broken cannot be defined.", result.Output);
        Assert.DoesNotContain("TargetInvocationException", result.Output);
    }
}
