using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class DynamicTargetTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class ImageBuild : BuildHost
    {
        [Parameter("Images to build.")] public string[] Images { get; set; } = ["web"];

        public List<string> Executed { get; } = [];

        public Target Restore => _ => _.Executes(() => Executed.Add(nameof(Restore)));
        public Target All => _ => _.Description("Builds every image.");

        protected override IEnumerable<DynamicTarget> CreateDynamicTargets() =>
            Images.Select(image => new DynamicTarget(
                $"Build-{image}",
                _ => _.Description($"Builds the {image} image.")
                    .DependsOn(Restore)
                    .DependentFor(All)
                    .Executes(() => Executed.Add($"Build-{image}"))));
    }

    [Fact]
    public void DynamicTargets_UseInjectedParameters()
    {
        var build = new ImageBuild();

        var result = _root.Run(build, "All", "--images", "web+worker");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "Build-web", "Build-worker"], build.Executed);
    }

    [Fact]
    public void DynamicTargets_AreInvocableByName()
    {
        var build = new ImageBuild();

        _root.Run(build, "build-WEB");

        Assert.Equal(["Restore", "Build-web"], build.Executed);
    }

    [Fact]
    public void DynamicTargets_AppearInHelp()
    {
        var result = _root.Run(new ImageBuild(), "--help", "--images", "web", "worker");

        Assert.Matches(@"Build-worker\s+Builds the worker image\. -> Restore", result.Output);
        Assert.Matches(@"All\s+Builds every image\. -> Build-web, Build-worker", result.Output);
    }

    [Fact]
    public void DynamicTargets_AppearInSchema()
    {
        _root.Run(new ImageBuild(), "--help", "--images", "api");

        var schema = File.ReadAllText(Path.Combine(_root.NukeDirectory, "build.schema.json"));
        Assert.Contains("\"Build-api\"", schema);
    }

    private sealed class DuplicateBuild : BuildHost
    {
        public Target Restore => _ => _.Executes(() => { });

        protected override IEnumerable<DynamicTarget> CreateDynamicTargets() =>
            [new DynamicTarget("re-store", _ => _.Executes(() => { }))];
    }

    [Fact]
    public void DuplicateNames_FailBuild()
    {
        var result = _root.Run(new DuplicateBuild(), "Restore");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Two targets are named 're-store'", result.Output);
    }
}
