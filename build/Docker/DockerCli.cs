using System.Text.Json;
using System.Text.RegularExpressions;
using Serilog;

namespace Slipway.Docker;

/// <summary>Builds, tags, inspects and pushes images through the installed docker client.</summary>
public sealed partial class DockerCli(DockerClientInfo client, string? configFolder = null)
{
    public DockerClientInfo Client => client;

    /// <summary>
    /// Returns a client that keeps its registry logins in <paramref name="folder"/> (<c>DOCKER_CONFIG</c>), so that a
    /// run's credentials never reach the user's own docker config.
    /// </summary>
    public DockerCli WithConfigFolder(string folder) => new(client, folder);

    private Dictionary<string, string?> Environment(params (string Key, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>();
        if (configFolder is not null)
            environment["DOCKER_CONFIG"] = configFolder;
        foreach (var (key, value) in extra)
            environment[key] = value;
        return environment;
    }

    /// <summary>
    /// Builds an image and returns its image id. Throws <see cref="DockerCommandException"/> on failure.
    /// </summary>
    public async Task<string> BuildAsync(ImageBuildRequest request, Action<string> onLine, CancellationToken token)
    {
        var idFile = Path.Combine(Path.GetTempPath(), $"slipway-iid-{Guid.NewGuid():N}");
        try
        {
            var arguments = BuildArguments(request, idFile);
            var environment = Environment(("DOCKER_BUILDKIT", client.Builder == BuilderKind.Classic ? "0" : "1"));
            var result = await ProcessRunner.RunAsync(client.Path, arguments, environment,
                request.ContextDirectory, onLine, cancellationToken: token);
            if (!result.Succeeded)
                throw new DockerCommandException("docker build", result);
            return (await File.ReadAllTextAsync(idFile, token)).Trim();
        }
        finally
        {
            File.Delete(idFile);
        }
    }

    internal List<string> BuildArguments(ImageBuildRequest request, string idFile)
    {
        var arguments = client.Builder == BuilderKind.Buildx
            ? new List<string> { "buildx", "build", "--load" }
            : new List<string> { "build" };
        arguments.AddRange(["--file", request.DockerfilePath, "--iidfile", idFile]);
        foreach (var reference in request.References)
            arguments.AddRange(["--tag", reference]);
        foreach (var (key, value) in request.BuildArgs.OrderBy(p => p.Key, StringComparer.Ordinal))
            arguments.AddRange(["--build-arg", $"{key}={value}"]);
        if (client.UsesBuildKit)
            arguments.AddRange(["--build-arg", "BUILDKIT_INLINE_CACHE=1"]);
        foreach (var (key, value) in request.Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
            arguments.AddRange(["--label", $"{key}={value}"]);
        if (request.Target is { Length: > 0 })
            arguments.AddRange(["--target", request.Target]);
        if (request.Platforms.Count > 0)
            arguments.AddRange(["--platform", string.Join(',', request.Platforms)]);
        if (request.Network is { Length: > 0 })
            arguments.AddRange(["--network", request.Network]);
        foreach (var cache in request.CacheFrom)
            arguments.AddRange(["--cache-from", cache]);
        foreach (var cache in request.CacheTo ?? [])
            arguments.AddRange(["--cache-to", cache]);
        if (request.Pull)
            arguments.Add("--pull");
        arguments.Add(request.ContextDirectory);
        return arguments;
    }

    /// <summary>
    /// Pushes one reference and returns the manifest digest the registry accepted. A push counts only when the
    /// client exits with 0 and reports the digest, so an error inside the progress stream is never a success.
    /// </summary>
    public async Task<string> PushAsync(string reference, Action<string> onLine, CancellationToken token)
    {
        var result = await ProcessRunner.RunAsync(client.Path, ["push", reference], Environment(), onLine: onLine,
            cancellationToken: token);
        var digest = PushedDigestPattern().Match(result.StandardOutput);
        if (!result.Succeeded || !digest.Success)
            throw new DockerCommandException($"docker push {reference}", result);
        return digest.Groups["digest"].Value;
    }

    /// <summary>Runs <paramref name="command"/> in a new container of the image, removed afterwards.</summary>
    public async Task<ProcessResult> RunAsync(string image, IReadOnlyList<string> command, string? network,
        Action<string> onLine, CancellationToken token)
    {
        var arguments = new List<string> { "run", "--rm" };
        if (network is { Length: > 0 })
            arguments.AddRange(["--network", network]);
        arguments.Add(image);
        arguments.AddRange(command);
        return await ProcessRunner.RunAsync(client.Path, arguments, Environment(), onLine: onLine,
            cancellationToken: token);
    }

    /// <summary>Returns the labels of a local image, or null when the engine has no such image.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetLocalLabelsAsync(string reference)
    {
        var result = await ProcessRunner.RunAsync(client.Path,
            ["image", "inspect", "--format", "{{json .Config.Labels}}", reference]);
        if (!result.Succeeded)
            return null;
        var json = result.StandardOutput.Trim();
        return json is "null" or ""
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// Returns the names of the engine's networks; an engine started without a bridge lacks "bridge".
    /// </summary>
    public async Task<IReadOnlyList<string>> GetNetworkNamesAsync()
    {
        var result = await ProcessRunner.RunAsync(client.Path, ["network", "ls", "--format", "{{.Name}}"]);
        if (!result.Succeeded)
            throw new DockerCommandException("docker network ls", result);
        return result.StandardOutput.Split('\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Returns true when the engine responds to <c>docker info</c>.</summary>
    public async Task<bool> IsEngineReachableAsync(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await ProcessRunner.RunAsync(client.Path, ["info", "--format", "{{.ServerVersion}}"],
            environment);
        if (!result.Succeeded)
            Log.Debug("docker info failed: {Error}", result.StandardError.Trim());
        return result.Succeeded;
    }

    /// <summary>
    /// Logs in to a registry, passing the secret on standard input so that it never shows in a process list.
    /// </summary>
    public async Task LoginAsync(string registry, string username, string secret, CancellationToken token)
    {
        var result = await ProcessRunner.RunAsync(client.Path,
            ["login", "--username", username, "--password-stdin", registry], Environment(),
            standardInput: secret, cancellationToken: token);
        if (!result.Succeeded)
            throw new DockerCommandException($"docker login {registry} (user {username})", result);
    }

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigestPattern();
}
