using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class ContinueTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class FlakyBuild : BuildHost
    {
        [Parameter("Whether the Publish target fails.")] public bool FailPublish { get; set; }

        public List<string> Executed { get; } = [];

        public Target Compile => _ => _.Executes(() => Executed.Add(nameof(Compile)));
        public Target Publish => _ => _.DependsOn(Compile).Executes(() =>
        {
            Executed.Add(nameof(Publish));
            if (FailPublish)
            {
                throw new BuildFailedException("Publishing failed.");
            }
        });
    }

    [Fact]
    public void Continue_RerunsOnlyUnsucceededTargets()
    {
        _root.Environment["FAIL_PUBLISH"] = "true";
        var first = _root.Run(new FlakyBuild(), "Publish");
        Assert.Equal(1, first.ExitCode);

        var second = new FlakyBuild();
        var result = _root.Run(second, "Publish", "--continue");

        Assert.Equal(["Publish"], second.Executed);
        Assert.Equal("succeeded in the previous attempt", result.SummaryRow("Compile")?[2]);
    }

    [Fact]
    public void Continue_RunsAllAfterDifferentArguments()
    {
        _root.Run(new FlakyBuild(), "Compile");

        var build = new FlakyBuild();
        var result = _root.Run(build, "Publish", "--continue");

        Assert.Equal(["Compile", "Publish"], build.Executed);
        Assert.Contains("No previous run with the same arguments", result.Output);
    }

    [Fact]
    public void Continue_ChainsAcrossAttempts()
    {
        _root.Environment["FAIL_PUBLISH"] = "true";
        _root.Run(new FlakyBuild(), "Publish");
        _root.Run(new FlakyBuild(), "Publish", "--continue");

        var third = new FlakyBuild();
        _root.Run(third, "Publish", "--continue");

        Assert.Equal(["Publish"], third.Executed);
    }
}
