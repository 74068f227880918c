using System.Text.Json;
using Slipway.Docker;

namespace Slipway.Tests.Integration;

/// <summary>Fingerprints of two git clones of the same commit, made under different umasks, are equal.</summary>
[Collection(EngineCollection.Name)]
public sealed class CloneFingerprintTests(EngineFixture engine)
{
    [Fact]
    public async Task ClonesWithDifferentUmasksAgree()
    {
        using var repository = RepositoryCopy.Create(engine.Registry);
        await Git(repository.Root, "init", "-q");
        await Git(repository.Root, "add", "-A");
        await Git(repository.Root, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-qm", "images");
        var strict = await CloneAsync(repository.Root, "077");
        var loose = await CloneAsync(repository.Root, "002");
        try
        {
            var strictFingerprints = await PlanFingerprintsAsync(strict);
            var looseFingerprints = await PlanFingerprintsAsync(loose);

            Assert.Equal(4, strictFingerprints.Count);
            Assert.Equal(strictFingerprints, looseFingerprints);
            var strictMode = File.GetUnixFileMode(Path.Combine(strict, "images", "base", "README.md"));
            var looseMode = File.GetUnixFileMode(Path.Combine(loose, "images", "base", "README.md"));
            Assert.NotEqual(strictMode, looseMode);
        }
        finally
        {
            Directory.Delete(strict, recursive: true);
            Directory.Delete(loose, recursive: true);
        }
    }

    private static async Task<string> CloneAsync(string source, string umask)
    {
        var target = Path.Combine(Path.GetTempPath(), $"slipway-clone-{umask}-{Guid.NewGuid():N}");
        var result = await ProcessRunner.RunAsync("bash", ["-c", $"umask {umask} && git clone -q \"$0\" \"$1\"", source, target]);
        Assert.True(result.Succeeded, result.StandardError);
        return target;
    }

    private static async Task<Dictionary<string, string>> PlanFingerprintsAsync(string root)
    {
        var buildDll = Path.Combine(AppContext.BaseDirectory, "_build.dll");
        var result = await ProcessRunner.RunAsync("dotnet", [buildDll, "Plan", "--json", "--verbosity", "quiet", "--root", root],
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null });
        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        // With --verbosity quiet, standard output is the JSON document and nothing else.
        using var plan = JsonDocument.Parse(result.StandardOutput);
        return plan.RootElement.GetProperty("images").EnumerateArray().ToDictionary(
            image => image.GetProperty("id").GetString()!,
            image => image.GetProperty("fingerprint").GetString()!);
    }

    private static async Task Git(string folder, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", ["-C", folder, .. arguments]);
        Assert.True(result.Succeeded, result.StandardError);
    }
}
