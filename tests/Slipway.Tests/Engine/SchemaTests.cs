using System.Text.Json;
using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class SchemaTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private enum Platform
    {
        Amd64,
        Arm64,
    }

    private sealed class SchemaBuild : BuildHost
    {
        [Parameter("Maximum number of parallel builds.")] public int MaxParallel { get; set; }
        [Parameter("Platforms to build for.")] public Platform[] Platforms { get; set; } = [];
        [Parameter("Skip pushing images.")] public bool NoPush { get; set; }

        public Target Compile => _ => _.Executes(() => { });
        public Target Hidden => _ => _.Unlisted().Executes(() => { });
    }

    private JsonElement ReadSchema()
    {
        _root.Run(new SchemaBuild(), "--help");
        var text = File.ReadAllText(Path.Combine(_root.NukeDirectory, "build.schema.json"));
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public void Schema_IsDraft04()
    {
        var schema = ReadSchema();

        Assert.Equal("http://json-schema.org/draft-04/schema#", schema.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Schema_EnumeratesAllTargets()
    {
        var schema = ReadSchema();

        var targets = schema.GetProperty("definitions").GetProperty("ExecutableTarget").GetProperty("enum")
            .EnumerateArray().Select(item => item.GetString()).ToList();
        Assert.Equal(["Compile", "Hidden"], targets);
    }

    [Fact]
    public void Schema_DescribesParameters()
    {
        var properties = ReadSchema().GetProperty("properties");

        var maxParallel = properties.GetProperty("MaxParallel");
        Assert.Equal("integer", maxParallel.GetProperty("type").GetString());
        Assert.Equal("Maximum number of parallel builds.", maxParallel.GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("NoPush").GetProperty("type").GetString());
        var platforms = properties.GetProperty("Platforms");
        Assert.Equal("array", platforms.GetProperty("type").GetString());
        var platformNames = platforms.GetProperty("items").GetProperty("enum")
            .EnumerateArray()
            .Select(item => item.GetString());
        Assert.Equal(["Amd64", "Arm64"], platformNames);
    }

    [Fact]
    public void Schema_SharesBuiltInDefinition()
    {
        var schema = ReadSchema();

        Assert.Equal("#/definitions/NukeBuild", schema.GetProperty("allOf")[0].GetProperty("$ref").GetString());
        var builtIns = schema.GetProperty("definitions").GetProperty("NukeBuild").GetProperty("properties");
        var skipItems = builtIns.GetProperty("Skip").GetProperty("items").GetProperty("$ref").GetString();
        Assert.Equal("#/definitions/ExecutableTarget", skipItems);
        Assert.True(builtIns.TryGetProperty("Verbosity", out _));
        Assert.False(schema.GetProperty("properties").TryGetProperty("Verbosity", out _));
    }

    [Fact]
    public void Schema_NotRewrittenWhenUnchanged()
    {
        ReadSchema();
        var path = Path.Combine(_root.NukeDirectory, "build.schema.json");
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);

        _root.Run(new SchemaBuild(), "--help");

        Assert.Equal(past, File.GetLastWriteTimeUtc(path));
    }
}
