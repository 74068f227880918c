using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class ConditionTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class ConditionBuild : BuildHost
    {
        [Parameter("Whether to publish.")] public bool Publish { get; set; }
        [Parameter("Registry user name.")] public string? RegistryUser { get; set; }

        public List<string> Executed { get; } = [];
        public bool DynamicConditionChecked { get; private set; }

        public Target Restore => _ => _.Executes(() => Executed.Add(nameof(Restore)));
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => Executed.Add(nameof(Compile)));
        public Target Pack => _ => _.DependsOn(Compile).Executes(() => Executed.Add(nameof(Pack)));
        public Target Upload => _ => _.DependsOn(Pack).OnlyWhenStatic(() => Publish)
            .Executes(() => Executed.Add(nameof(Upload)));
        public Target All => _ => _.DependsOn(Upload, Compile);

        public Target Gate => _ => _.Executes(() => Executed.Add(nameof(Gate)));
        public Target Deploy => _ => _.DependsOn(Gate)
            .OnlyWhenDynamic(() => CheckGate())
            .Executes(() => Executed.Add(nameof(Deploy)));

        public Target Push => _ => _.Requires(() => RegistryUser).Executes(() => Executed.Add(nameof(Push)));
        public Target PushIfPublishing => _ => _.DependsOn(Push).OnlyWhenStatic(() => Publish);

        private bool CheckGate()
        {
            DynamicConditionChecked = true;
            return Executed.Contains(nameof(Gate)) && Publish;
        }
    }

    [Fact]
    public void OnlyWhenStatic_SkipsTargetAndOwnDependencies()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "Upload");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(build.Executed);
        Assert.Equal("Skipped", result.SummaryRow("Upload")?[1]);
        Assert.Equal("Skipped", result.SummaryRow("Pack")?[1]);
        Assert.Equal("Skipped", result.SummaryRow("Restore")?[1]);
    }

    [Fact]
    public void OnlyWhenStatic_KeepsDependenciesOthersNeed()
    {
        var build = new ConditionBuild();

        _root.Run(build, "All");

        Assert.Equal(["Restore", "Compile"], build.Executed);
    }

    [Fact]
    public void OnlyWhenStatic_RunsTargetWhenTrue()
    {
        var build = new ConditionBuild();

        _root.Run(build, "Upload", "--publish");

        Assert.Equal(["Restore", "Compile", "Pack", "Upload"], build.Executed);
    }

    [Fact]
    public void OnlyWhenDynamic_EvaluatesAfterDependenciesRan()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "Deploy", "--publish");

        Assert.True(build.DynamicConditionChecked);
        Assert.Equal(["Gate", "Deploy"], build.Executed);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void OnlyWhenDynamic_SkipsTargetWhenFalse()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "Deploy");

        Assert.Equal(["Gate"], build.Executed);
        Assert.Equal("Skipped", result.SummaryRow("Deploy")?[1]);
    }

    [Fact]
    public void Requires_FailsBeforeAnyTargetRuns()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "Restore", "Push");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(build.Executed);
        Assert.Contains("Target 'Push' requires parameter --registry-user, which is not set.", result.Output);
    }

    [Fact]
    public void Requires_PassesWhenParameterSet()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "Push", "--registry-user", "ci");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Push"], build.Executed);
    }

    [Fact]
    public void Requires_IgnoresSkippedTargets()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "PushIfPublishing");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public void SkipOption_SkipsNamedTargets()
    {
        var build = new ConditionBuild();

        var result = _root.Run(build, "Pack", "--skip", "Restore");

        Assert.Equal(["Compile", "Pack"], build.Executed);
        Assert.Equal("via --skip", result.SummaryRow("Restore")?[2]);
    }

    [Fact]
    public void SkipOption_BareSkipsAllNotInvoked()
    {
        var build = new ConditionBuild();

        _root.Run(build, "Pack", "--skip");

        Assert.Equal(["Pack"], build.Executed);
    }

    [Fact]
    public void SkipOption_NeverSkipsInvokedTarget()
    {
        var build = new ConditionBuild();

        _root.Run(build, "Restore", "--skip", "Restore");

        Assert.Equal(["Restore"], build.Executed);
    }
}
