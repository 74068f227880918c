using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Docker;

namespace Slipway.Tests.Integration;

/// <summary>
/// A copy of this repository's images/ in a temporary root with its own namespace, on which the compiled build
/// (_build.dll beside the tests) runs as a separate process, as ./build.sh would run it.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    private RepositoryCopy(string root, string registry, string @namespace)
    {
        Root = root;
        Registry = registry;
        Namespace = @namespace;
    }

    public string Root { get; }

    public string Registry { get; }

    public string Namespace { get; }

    public static RepositoryCopy Create(string registry, [CallerMemberName] string test = "")
    {
        var root = Directory.CreateTempSubdirectory("slipway-repo-").FullName;
        CopyDirectory(System.IO.Path.Combine(SourceRoot, "images"), System.IO.Path.Combine(root, "images"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, ".nuke"));
        var @namespace = "it-" + test.ToLowerInvariant().Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        File.WriteAllText(System.IO.Path.Combine(root, ".nuke", "parameters.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Registry"] = new[] { registry },
            ["Namespace"] = @namespace,
        }));
        return new RepositoryCopy(root, registry, @namespace);
    }

    /// <summary>The repository these tests belong to: the first folder above the test binaries with a .nuke folder.</summary>
    public static string SourceRoot { get; } = FindSourceRoot();

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public string Reference(string name, string tag) => $"{Registry}/{Namespace}/{name}:{tag}";

    /// <summary>Runs the compiled build with <paramref name="arguments"/> and returns its exit code and output.</summary>
    public Task<ProcessResult> RunBuildAsync(params string[] arguments) =>
        RunBuildAsync(new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the compiled build with extra environment variables (null removes one).</summary>
    public async Task<ProcessResult> RunBuildAsync(IReadOnlyDictionary<string, string?> environment,
        params string[] arguments)
    {
        var buildDll = System.IO.Path.Combine(AppContext.BaseDirectory, "_build.dll");
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null, ["NUKE_ROOT"] = null };
        foreach (var (key, value) in environment)
            variables[key] = value;
        return await ProcessRunner.RunAsync("dotnet", [buildDll, .. arguments, "--root", Root, "--no-logo"], variables);
    }

    /// <summary>Reads the per-image status of the last run from its JSON report.</summary>
    public IReadOnlyDictionary<string, string> ReadStatuses()
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path(".nuke", "temp", "slipway-report.json")));
        return report.RootElement.GetProperty("images").EnumerateArray().ToDictionary(
            image => image.GetProperty("id").GetString()!,
            image => image.GetProperty("status").GetString()!);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string FindSourceRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(folder.FullName, ".nuke")) &&
                Directory.Exists(System.IO.Path.Combine(folder.FullName, "images")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No repository root with .nuke/ and images/ above {AppContext.BaseDirectory}");
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var target = System.IO.Path.Combine(destination, entry.Name);
            if (entry is DirectoryInfo directory)
                CopyDirectory(directory.FullName, target);
            else
                File.Copy(entry.FullName, target);
        }
    }
}
