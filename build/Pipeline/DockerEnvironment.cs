using Serilog;
using Slipway.Docker;
using Slipway.Engine;
using Slipway.Registries;

namespace Slipway.Pipeline;

/// <summary>
/// Connects to a Docker engine: the one <c>DOCKER_HOST</c> or the default socket names, or, when none responds and
/// the local engine is allowed, a private engine and a loopback registry started by
/// <c>build/LocalEngine/start-local-engine.sh</c>. On a machine that has Docker, nothing is started.
/// </summary>
public sealed class DockerEnvironment
{
    private DockerEnvironment(DockerCli docker, string? defaultNetwork)
    {
        Docker = docker;
        DefaultNetwork = defaultNetwork;
    }

    public DockerCli Docker { get; }

    /// <summary>
    /// <c>none</c> when the engine has no bridge network (RUN steps would fail on the default), else null.
    /// </summary>
    public string? DefaultNetwork { get; }

    public static async Task<DockerEnvironment> ConnectAsync(string root, string? clientPath, bool allowLocalEngine,
        string? registry)
    {
        var client = await DockerClientLocator.LocateAsync(clientPath);
        var docker = new DockerCli(client);
        Log.Information("Docker client {Client} {Version}, builder: {Builder}", client.Path, client.Version,
            client.Builder);

        var reachable = await docker.IsEngineReachableAsync();
        var localRegistry = registry is not null && RegistryClient.IsLoopback(registry) ? registry : null;
        if (!reachable)
        {
            if (!allowLocalEngine)
                throw new BuildFailedException(
                    "No Docker engine responds (DOCKER_HOST or the default socket). Start Docker, set DOCKER_HOST, " +
                    "or pass --local-engine to start a private engine on this machine.");
            var dockerHost = await RunScriptAsync(root, localRegistry, registryOnly: false);
            Environment.SetEnvironmentVariable("DOCKER_HOST", dockerHost);
            Log.Information("Using the local engine at {DockerHost}", dockerHost);
            if (!await docker.IsEngineReachableAsync())
                throw new BuildFailedException($"The local engine at {dockerHost} does not answer `docker info`.");
        }
        else if (allowLocalEngine && localRegistry is not null)
        {
            await RunScriptAsync(root, localRegistry, registryOnly: true);
        }

        var networks = await docker.GetNetworkNamesAsync();
        var defaultNetwork = networks.Contains("bridge") ? null : "none";
        if (defaultNetwork is not null)
            Log.Information("The engine has no bridge network, so RUN steps use network {Network} unless image.yml " +
                            "sets one", defaultNetwork);
        return new DockerEnvironment(docker, defaultNetwork);
    }

    private static async Task<string> RunScriptAsync(string root, string? registry, bool registryOnly)
    {
        var script = Path.Combine(root, "build", "LocalEngine", "start-local-engine.sh");
        var arguments = new List<string> { script };
        if (registry is not null)
            arguments.AddRange(["--registry", registry]);
        if (registryOnly)
            arguments.Add("--registry-only");
        var result = await ProcessRunner.RunAsync("bash", arguments, onLine: line =>
        {
            if (!line.StartsWith("DOCKER_HOST=", StringComparison.Ordinal))
                Log.Information("{Line:l}", line);
        });
        if (!result.Succeeded)
            throw new BuildFailedException($"Starting the local engine failed (exit code {result.ExitCode}); see the " +
                                           "lines above.");
        var line = result.StandardOutput.Split('\n')
            .LastOrDefault(l => l.StartsWith("DOCKER_HOST=", StringComparison.Ordinal));
        return line?["DOCKER_HOST=".Length..].Trim() ?? Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "";
    }
}
