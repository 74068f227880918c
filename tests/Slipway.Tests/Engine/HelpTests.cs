using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class HelpTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class HelpBuild : BuildHost
    {
        [Parameter("Maximum number of parallel builds.")] public int MaxParallel = 1;
        [Parameter("Skip pushing images.")] public bool NoPush { get; set; }
        [Parameter("Token for the registry."), Secret] public string? RegistryToken = "default-token-value";

        public bool Ran { get; private set; }

        public Target Restore => _ => _.Description("Restores tools.").Executes(() => { });
        public Target Compile => _ => _.Description("Builds all images.").DependsOn(Restore).Executes(() => Ran = true);
        public Target Internal => _ => _.Unlisted().Executes(() => Ran = true);
    }

    [Fact]
    public void Help_ListsTargetsWithDescriptionAndDependencies()
    {
        var result = _root.Run(new HelpBuild(), "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage: build", result.Output);
        Assert.Matches(@"Restore\s+Restores tools\.", result.Output);
        Assert.Matches(@"Compile\s+Builds all images\. -> Restore", result.Output);
    }

    [Fact]
    public void Help_MarksDefaultTarget()
    {
        var result = _root.Run(new HelpBuild(), ["-h"], [build => build.Compile]);

        Assert.Matches(@"Compile \*\s+Builds all images", result.Output);
        Assert.DoesNotMatch(@"Restore \*", result.Output);
    }

    [Fact]
    public void Help_ShowsParametersInKebabCase()
    {
        var result = _root.Run(new HelpBuild(), "--help");

        Assert.Matches(@"--max-parallel\s+Maximum number of parallel builds\.", result.Output);
        Assert.Contains("--no-push", result.Output);
        Assert.Contains("--verbosity", result.Output);
        Assert.Contains("--continue", result.Output);
    }

    [Fact]
    public void Help_MarksSecretsWithoutValue()
    {
        var result = _root.Run(new HelpBuild(), "--help");

        Assert.Matches(@"--registry-token\s+Token for the registry\. Secret\.", result.Output);
        Assert.DoesNotContain("default-token-value", result.Output);
    }

    [Fact]
    public void Unlisted_HiddenFromHelpButInvocable()
    {
        var help = _root.Run(new HelpBuild(), "--help");
        Assert.DoesNotContain("Internal", help.Output);

        var build = new HelpBuild();
        var result = _root.Run(build, "Internal");
        Assert.Equal(0, result.ExitCode);
        Assert.True(build.Ran);
    }

    [Fact]
    public void NoTargetAndNoDefault_PrintsHelp()
    {
        var build = new HelpBuild();

        var result = _root.Run(build);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage: build", result.Output);
        Assert.False(build.Ran);
    }

    [Fact]
    public void NoTarget_RunsDefaultTarget()
    {
        var build = new HelpBuild();

        var result = _root.Run(build, [], [x => x.Compile]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(build.Ran);
        Assert.Equal(["Compile"], build.InvokedTargets);
    }

    [Fact]
    public void NoLogo_LeavesOutLogo()
    {
        var withLogo = _root.Run(new HelpBuild(), "Restore");
        var withoutLogo = _root.Run(new HelpBuild(), "Restore", "--no-logo");

        Assert.StartsWith("Slipway build", withLogo.Output);
        Assert.DoesNotContain("Slipway build", withoutLogo.Output);
    }
}
