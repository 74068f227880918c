using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class RelationTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class RelationBuild : BuildHost
    {
        public List<string> Executed { get; } = [];

        public Target Restore => _ => _.Executes(() => Executed.Add(nameof(Restore)));
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => Executed.Add(nameof(Compile)));
        public Target Setup => _ => _.DependentFor(Compile).Executes(() => Executed.Add(nameof(Setup)));
        public Target Lint => _ => _.Before(Compile).Executes(() => Executed.Add(nameof(Lint)));
        public Target Report => _ => _.After(nameof(Test)).Executes(() => Executed.Add(nameof(Report)));
        public Target Test => _ => _.DependsOn(Compile).Triggers(Notify).Executes(() => Executed.Add(nameof(Test)));
        public Target Notify => _ => _.Executes(() => Executed.Add(nameof(Notify)));
        public Target Archive => _ => _.TriggeredBy(Restore).Executes(() => Executed.Add(nameof(Archive)));
    }

    [Fact]
    public void DependsOn_RunsDependencyFirst()
    {
        var build = new RelationBuild();

        var result = _root.Run(build, "Compile");

        Assert.Equal(0, result.ExitCode);
        Assert.True(build.Executed.IndexOf("Restore") < build.Executed.IndexOf("Compile"));
    }

    [Fact]
    public void DependentFor_SchedulesTargetBeforeDependent()
    {
        var build = new RelationBuild();

        _root.Run(build, "Compile");

        Assert.Contains("Setup", build.Executed);
        Assert.True(build.Executed.IndexOf("Setup") < build.Executed.IndexOf("Compile"));
    }

    [Fact]
    public void Before_OrdersOnlyWhenBothScheduled()
    {
        var alone = new RelationBuild();
        _root.Run(alone, "Compile");
        Assert.DoesNotContain("Lint", alone.Executed);

        var both = new RelationBuild();
        _root.Run(both, "Compile", "Lint");
        Assert.True(both.Executed.IndexOf("Lint") < both.Executed.IndexOf("Compile"));
    }

    [Fact]
    public void After_OrdersOnlyWhenBothScheduled()
    {
        var alone = new RelationBuild();
        _root.Run(alone, "Report");
        Assert.Equal(["Report"], alone.Executed);

        var both = new RelationBuild();
        _root.Run(both, "Report", "Test");
        Assert.True(both.Executed.IndexOf("Test") < both.Executed.IndexOf("Report"));
    }

    [Fact]
    public void Triggers_RunsTriggeredTargetAfter()
    {
        var build = new RelationBuild();

        _root.Run(build, "Test");

        Assert.Equal("Notify", build.Executed[^1]);
        Assert.True(build.Executed.IndexOf("Test") < build.Executed.IndexOf("Notify"));
    }

    [Fact]
    public void TriggeredBy_RunsTargetAfterTrigger()
    {
        var build = new RelationBuild();

        _root.Run(build, "Restore");

        Assert.Equal(["Restore", "Archive"], build.Executed);
    }

    [Fact]
    public void Planning_RunsEachTargetOnce()
    {
        var build = new RelationBuild();

        _root.Run(build, "Test", "Compile", "compile");

        Assert.Equal(build.Executed.Distinct().Count(), build.Executed.Count);
    }

    [Fact]
    public void TargetNames_MatchIgnoringCaseAndDashes()
    {
        var build = new RelationBuild();

        var result = _root.Run(build, "re-STORE");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Restore", build.Executed);
    }

    [Fact]
    public void TargetOption_InvokesTargets()
    {
        var build = new RelationBuild();

        _root.Run(build, "--target", "Restore+Notify");

        Assert.Contains("Restore", build.Executed);
        Assert.Contains("Notify", build.Executed);
        Assert.Equal(["Restore", "Notify"], build.InvokedTargets);
    }

    [Fact]
    public void UnknownTarget_ListsAvailableTargets()
    {
        var result = _root.Run(new RelationBuild(), "Deploy");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Target 'Deploy' not found", result.Output);
        Assert.Contains("Restore, Compile, Setup, Lint, Report, Test, Notify, Archive", result.Output);
        Assert.Contains("Run with --help", result.Output);
    }

    private sealed class CycleBuild : BuildHost
    {
        public Target A => _ => _.DependsOn(B).Executes(() => { });
        public Target B => _ => _.DependsOn(C).Executes(() => { });
        public Target C => _ => _.DependsOn(A).Executes(() => { });
    }

    [Fact]
    public void Cycle_FailsListingCycle()
    {
        var result = _root.Run(new CycleBuild(), "A");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("A -> B -> C -> A", result.Output);
    }

    private sealed class UnknownReferenceBuild : BuildHost
    {
        public Target A => _ => _.DependsOn("Missing").Executes(() => { });
    }

    [Fact]
    public void UnknownReference_FailsNamingIt()
    {
        var result = _root.Run(new UnknownReferenceBuild(), "A");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Target 'A' refers to unknown target 'Missing' in DependsOn", result.Output);
    }
}
