using Serilog;

namespace Slipway.Docker;

/// <summary>
/// Finds the docker client to use. Every <c>docker</c> on PATH is probed and the first that can build with
/// BuildKit wins: buildx when the plugin responds, else a client older than 23.0 (which still honours
/// <c>DOCKER_BUILDKIT=1</c>; from 23.0 on that setting demands buildx). When none can, the first client builds
/// with the classic builder and a warning is logged.
/// </summary>
public static class DockerClientLocator
{
    private const int FirstVersionRequiringBuildx = 23;

    public static async Task<DockerClientInfo> LocateAsync(string? configuredPath)
    {
        var candidates = configuredPath is { Length: > 0 } ? [configuredPath] : FindOnPath("docker");
        if (candidates.Count == 0)
            throw new InvalidOperationException(
                "No docker client was found on PATH. Install the docker CLI or pass --docker-client <path>.");

        var probed = new List<DockerClientInfo>();
        foreach (var path in candidates)
        {
            var client = await ProbeAsync(path);
            if (client is null)
                continue;
            if (client.UsesBuildKit)
                return client;
            probed.Add(client);
        }

        if (probed.Count == 0)
            throw new InvalidOperationException(
                $"No working docker client among: {string.Join(", ", candidates)}. Check that `docker version` runs.");

        var fallback = probed[0];
        Log.Warning(
            "The docker client {Client} ({Version}) has no buildx plugin and cannot use BuildKit, so images are " +
            "built with the classic builder. Install the buildx plugin to build with BuildKit",
            fallback.Path, fallback.Version);
        return fallback;
    }

    internal static async Task<DockerClientInfo?> ProbeAsync(string path)
    {
        var version = await ProcessRunner.RunAsync(path, ["version", "--format", "{{.Client.Version}}"]);
        // `docker version` exits non-zero when no engine responds but still prints the client's version.
        var clientVersion = version.StandardOutput.Trim().Split('\n')[0].Trim();
        if (clientVersion.Length == 0)
            return null;

        var buildx = await ProcessRunner.RunAsync(path, ["buildx", "version"]);
        if (buildx.Succeeded)
        {
            var inspect = await ProcessRunner.RunAsync(path, ["buildx", "inspect"]);
            var driver = inspect.StandardOutput.Split('\n').Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("Driver:", StringComparison.Ordinal))?["Driver:".Length..].Trim();
            return new DockerClientInfo(path, clientVersion, BuilderKind.Buildx, driver);
        }

        var major = int.TryParse(clientVersion.Split('.')[0], out var parsed) ? parsed : int.MaxValue;
        var builder = major < FirstVersionRequiringBuildx ? BuilderKind.EngineBuildKit : BuilderKind.Classic;
        return new DockerClientInfo(path, clientVersion, builder);
    }

    private static List<string> FindOnPath(string program)
    {
        var found = new List<string>();
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        foreach (var directory in directories.Where(d => d.Length > 0))
        {
            foreach (var name in OperatingSystem.IsWindows() ? [program + ".exe"] : new[] { program })
            {
                var candidate = Path.GetFullPath(Path.Combine(directory, name));
                if (File.Exists(candidate) && !found.Contains(candidate))
                    found.Add(candidate);
            }
        }

        return found;
    }
}
