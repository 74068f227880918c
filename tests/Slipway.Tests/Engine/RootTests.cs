using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class RootTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class RootBuild : BuildHost
    {
        public string? TemporaryAtRun { get; private set; }

        public Target Show => _ => _.Executes(() => TemporaryAtRun = TemporaryDirectory);
    }

    [Fact]
    public void Root_FoundByWalkingUp()
    {
        var nested = Path.Combine(_root.Directory, "images", "web");
        Directory.CreateDirectory(nested);
        var build = new RootBuild();
        var host = new HostEnvironment(new Dictionary<string, string>(), nested, new StringWriter());

        var exitCode = BuildHost.Execute(build, ["Show"], host);

        Assert.Equal(0, exitCode);
        Assert.Equal(_root.Directory, build.RootDirectory);
    }

    [Fact]
    public void RootOption_SetsRootWithoutNukeFolder()
    {
        var other = Path.Combine(_root.Directory, "other");
        Directory.CreateDirectory(other);
        var build = new RootBuild();

        var result = _root.Run(build, "Show", "--root", other);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(other, build.RootDirectory);
        Assert.True(File.Exists(Path.Combine(other, ".nuke", "build.schema.json")));
    }

    [Fact]
    public void TemporaryDirectory_IsCreatedUnderNuke()
    {
        var build = new RootBuild();

        _root.Run(build, "Show");

        Assert.Equal(Path.Combine(_root.Directory, ".nuke", "temp"), build.TemporaryAtRun);
        Assert.True(Directory.Exists(build.TemporaryAtRun));
    }

    [Fact]
    public void RootOption_OverridesEnvironment()
    {
        var other = Path.Combine(_root.Directory, "other");
        Directory.CreateDirectory(other);
        _root.Environment["NUKE_ROOT"] = _root.Directory;
        var build = new RootBuild();

        _root.Run(build, "Show", "--root", "other");

        Assert.Equal(other, build.RootDirectory);
    }

    [Fact]
    public void NukeRootVariable_SetsRoot()
    {
        var other = Path.Combine(_root.Directory, "other");
        Directory.CreateDirectory(other);
        _root.Environment["NUKE_ROOT"] = other;
        var build = new RootBuild();

        _root.Run(build, "Show");

        Assert.Equal(other, build.RootDirectory);
    }

    [Fact]
    public void MissingRoot_TellsToCreateNukeFolder()
    {
        var bare = Path.Combine(Path.GetTempPath(), "slipway-bare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bare);
        try
        {
            // NOTE: this test assumes that no parent of the temp folder contains a .nuke folder.
            var output = new StringWriter();
            var host = new HostEnvironment(new Dictionary<string, string>(), bare, output);

            var exitCode = BuildHost.Execute(new RootBuild(), ["Show"], host);

            Assert.Equal(2, exitCode);
            Assert.Contains("Create a .nuke folder at the repository root", output.ToString());
        }
        finally
        {
            Directory.Delete(bare, recursive: true);
        }
    }

    [Fact]
    public void MissingRootDirectory_IsUsageError()
    {
        var result = _root.Run(new RootBuild(), "Show", "--root", "does-not-exist");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does-not-exist does not exist", result.Output);
    }
}
