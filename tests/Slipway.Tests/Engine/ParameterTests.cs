using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class ParameterTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private enum Channel
    {
        Stable,
        Preview,
    }

    private abstract class BaseBuild : BuildHost
    {
        [Parameter("Registry host name.")] public string Registry { get; set; } = "docker.io";
    }

    private sealed class ParameterBuild : BaseBuild
    {
        [Parameter("Registry user name.")] public string? RegistryUser { get; set; }
        [Parameter("Maximum number of parallel builds.")] public int MaxParallel = 1;
        [Parameter("Size limit in bytes.")] public long? SizeLimit { get; set; }
        [Parameter("Ratio of cache hits.")] public double Ratio { get; set; }
        [Parameter("Skip pushing.")] public bool NoPush { get; set; }
        [Parameter("Release channel.")] public Channel Channel { get; set; }
        [Parameter("Images to build.")] public string[] Images = [];
        [Parameter("Ports to expose.")] public int[]? Ports { get; set; }
        [Parameter("Renamed parameter.", Name = "BuildNumber")] public string? Number { get; set; }

        public Target Show => _ => _.Executes(() => { });
    }

    [Fact]
    public void CommandLine_WinsOverEnvironmentAndFiles()
    {
        _root.WriteParameterFile("parameters.json", """{ "RegistryUser": "file" }""");
        _root.Environment["REGISTRY_USER"] = "env";
        var build = new ParameterBuild();

        _root.Run(build, "Show", "--registry-user", "cli");

        Assert.Equal("cli", build.RegistryUser);
    }

    [Fact]
    public void Environment_WinsOverFiles()
    {
        _root.WriteParameterFile("parameters.json", """{ "RegistryUser": "file" }""");
        _root.WriteParameterFile("parameters.ci.json", """{ "RegistryUser": "profile" }""");
        _root.Environment["REGISTRY_USER"] = "env";
        var build = new ParameterBuild();

        _root.Run(build, "Show", "--profile", "ci");

        Assert.Equal("env", build.RegistryUser);
    }

    [Fact]
    public void Profile_WinsOverParametersJson()
    {
        _root.WriteParameterFile(
            "parameters.json", """{ "$schema": "./build.schema.json", "RegistryUser": "file", "MaxParallel": 3 }""");
        _root.WriteParameterFile("parameters.ci.json", """{ "RegistryUser": "ci" }""");
        _root.WriteParameterFile("parameters.release.json", """{ "RegistryUser": "release", "NoPush": true }""");
        var build = new ParameterBuild();

        _root.Run(build, "Show", "--profile", "ci", "release");

        Assert.Equal("release", build.RegistryUser);
        Assert.Equal(3, build.MaxParallel);
        Assert.True(build.NoPush);
    }

    [Fact]
    public void ParametersJson_SetsArrays()
    {
        _root.WriteParameterFile("parameters.json", """{ "Images": ["web", "worker"], "Ports": [80, 443] }""");
        var build = new ParameterBuild();

        _root.Run(build, "Show");

        Assert.Equal(["web", "worker"], build.Images);
        Assert.NotNull(build.Ports);
        Assert.Equal([80, 443], build.Ports);
    }

    [Fact]
    public void MissingProfile_IsUsageError()
    {
        var result = _root.Run(new ParameterBuild(), "Show", "--profile", "nightly");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Profile 'nightly' not found", result.Output);
    }

    [Theory]
    [InlineData("--registry-user")]
    [InlineData("-RegistryUser")]
    [InlineData("--registryuser")]
    [InlineData("--REGISTRY-USER")]
    public void OptionNames_MatchWithoutDashesAndCase(string option)
    {
        var build = new ParameterBuild();

        _root.Run(build, "Show", option, "alice");

        Assert.Equal("alice", build.RegistryUser);
    }

    [Fact]
    public void RepeatedOption_LastOccurrenceWins()
    {
        var build = new ParameterBuild();

        _root.Run(build, "Show", "--max-parallel", "2", "--max-parallel", "5");

        Assert.Equal(5, build.MaxParallel);
    }

    [Fact]
    public void Values_ConvertToMemberTypes()
    {
        var build = new ParameterBuild();

        var result = _root.Run(
            build, "Show", "--size-limit", "5000000000", "--ratio", "0.75", "--no-push", "--channel", "preview",
            "--registry", "ghcr.io", "--build-number", "42");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5_000_000_000L, build.SizeLimit);
        Assert.Equal(0.75, build.Ratio);
        Assert.True(build.NoPush);
        Assert.Equal(Channel.Preview, build.Channel);
        Assert.Equal("ghcr.io", build.Registry);
        Assert.Equal("42", build.Number);
    }

    [Fact]
    public void Arrays_TakeSeveralTokens()
    {
        var build = new ParameterBuild();

        _root.Run(build, "Show", "--images", "web", "worker", "--ports", "80", "443");

        Assert.Equal(["web", "worker"], build.Images);
        Assert.NotNull(build.Ports);
        Assert.Equal([80, 443], build.Ports);
    }

    [Fact]
    public void Arrays_SplitSingleTokenOnPlus()
    {
        var build = new ParameterBuild();

        _root.Run(build, "Show", "--images", "web+worker+cron");

        Assert.Equal(["web", "worker", "cron"], build.Images);
    }

    [Theory]
    [InlineData("RegistryUser")]
    [InlineData("REGISTRY_USER")]
    [InlineData("NUKE_REGISTRY_USER")]
    [InlineData("registry-user")]
    public void EnvironmentNames_MatchVariants(string variable)
    {
        _root.Environment[variable] = "bob";
        var build = new ParameterBuild();

        _root.Run(build, "Show");

        Assert.Equal("bob", build.RegistryUser);
    }

    [Fact]
    public void Environment_ExactNameWinsOverVariants()
    {
        _root.Environment["RegistryUser"] = "exact";
        _root.Environment["REGISTRY_USER"] = "variant";
        var build = new ParameterBuild();

        _root.Run(build, "Show");

        Assert.Equal("exact", build.RegistryUser);
    }

    [Fact]
    public void Environment_SeveralMatchesKeepDefault()
    {
        _root.Environment["REGISTRY_USER"] = "one";
        _root.Environment["NUKE_REGISTRY_USER"] = "two";
        var build = new ParameterBuild();

        var result = _root.Run(build, "Show");

        Assert.Null(build.RegistryUser);
        Assert.Contains("[WRN] Environment variables", result.Output);
    }

    [Fact]
    public void Environment_SplitsArraysOnPlus()
    {
        _root.Environment["IMAGES"] = "web+worker";
        var build = new ParameterBuild();

        _root.Run(build, "Show");

        Assert.Equal(["web", "worker"], build.Images);
    }

    [Fact]
    public void InvalidValue_IsUsageErrorNamingParameter()
    {
        var build = new ParameterBuild();

        var result = _root.Run(build, "Show", "--max-parallel", "abc");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid value 'abc' for --max-parallel", result.Output);
        Assert.Contains("Run with --help to see targets and parameters.", result.Output);
    }

    [Fact]
    public void InvalidEnumValue_ListsAllowedValues()
    {
        var result = _root.Run(new ParameterBuild(), "Show", "--channel", "nightly");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected one of Stable, Preview", result.Output);
    }

    [Fact]
    public void UnknownOption_ListsKnownParameters()
    {
        var result = _root.Run(new ParameterBuild(), "Show", "--max-paralel", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown option '--max-paralel'", result.Output);
        Assert.Contains("--max-parallel", result.Output);
        Assert.Contains("--registry-user", result.Output);
    }

    [Fact]
    public void InvalidVerbosity_IsUsageError()
    {
        var result = _root.Run(new ParameterBuild(), "Show", "--verbosity", "loud");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid value 'loud' for --verbosity", result.Output);
    }
}
