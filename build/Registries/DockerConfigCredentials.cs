using System.Text;
using System.Text.Json;
using Serilog;
using Slipway.Docker;

namespace Slipway.Registries;

/// <summary>
/// Reads registry credentials the way the docker client stores them in <c>~/.docker/config.json</c>
/// (or <c>$DOCKER_CONFIG/config.json</c>): an inline <c>auths</c> entry, or a credential helper named by
/// <c>credHelpers</c> or <c>credsStore</c>.
/// </summary>
public sealed class DockerConfigCredentials(string configPath)
{
    private const string DockerHubKey = "https://index.docker.io/v1/";

    public static DockerConfigCredentials FromEnvironment()
    {
        var folder = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(folder))
            folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        return new DockerConfigCredentials(Path.Combine(folder, "config.json"));
    }

    /// <summary>The path of the config file this reads.</summary>
    public string ConfigPath => configPath;

    public async Task<RegistryCredentials?> FindAsync(string registryHost)
    {
        if (!File.Exists(configPath))
            return null;
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(configPath));
        var root = document.RootElement;
        var keys = registryHost is "docker.io" or "index.docker.io" or "registry-1.docker.io"
            ? new[] { DockerHubKey, "docker.io", "index.docker.io" }
            : new[] { registryHost, "https://" + registryHost, "http://" + registryHost };

        if (root.TryGetProperty("credHelpers", out var helpers))
        {
            foreach (var key in keys)
            {
                if (helpers.TryGetProperty(key, out var helper) && helper.GetString() is { Length: > 0 } name)
                    return await RunHelperAsync(name, key);
            }
        }

        if (root.TryGetProperty("auths", out var auths))
        {
            foreach (var key in keys)
            {
                if (auths.TryGetProperty(key, out var entry) && Decode(entry) is { } credentials)
                    return credentials;
            }
        }

        if (root.TryGetProperty("credsStore", out var store) && store.GetString() is { Length: > 0 } storeName)
            return await RunHelperAsync(storeName, keys[0]);
        return null;
    }

    private static RegistryCredentials? Decode(JsonElement entry)
    {
        if (!entry.TryGetProperty("auth", out var auth) || auth.GetString() is not { Length: > 0 } encoded)
            return null;
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        var colon = text.IndexOf(':');
        return colon < 0 ? null : new RegistryCredentials(text[..colon], text[(colon + 1)..]);
    }

    private static async Task<RegistryCredentials?> RunHelperAsync(string helper, string serverUrl)
    {
        var program = "docker-credential-" + helper;
        try
        {
            var result = await ProcessRunner.RunAsync(program, ["get"], standardInput: serverUrl);
            if (!result.Succeeded)
                return null;
            using var answer = JsonDocument.Parse(result.StandardOutput);
            var user = answer.RootElement.GetProperty("Username").GetString() ?? "";
            var secret = answer.RootElement.GetProperty("Secret").GetString() ?? "";
            return new RegistryCredentials(user, secret);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Log.Warning("The credential helper {Helper} named in the docker config was not found on PATH", program);
            return null;
        }
    }
}
