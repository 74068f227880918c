using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Slipway.Docker;

namespace Slipway.Tests.Integration;

/// <summary>
/// A real Docker engine and a private registry for the integration tests. The engine is the one DOCKER_HOST or the
/// default socket names, which `./build.sh Test` starts when missing. The registry listens on a free loopback port
/// and is stopped by its process id.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly List<(Process Process, string Folder)> _registries = [];

    public DockerCli Docker { get; private set; } = null!;

    /// <summary><c>127.0.0.1:&lt;port&gt;</c> of the private registry.</summary>
    public string Registry { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var client = await DockerClientLocator.LocateAsync(null);
        Docker = new DockerCli(client);
        if (!await Docker.IsEngineReachableAsync())
            throw new InvalidOperationException(
                "No Docker engine responds. Run the tests with ./build.sh Test, which starts a private engine, " +
                "or set DOCKER_HOST.");
        Registry = await StartRegistryAsync();
    }

    /// <summary>
    /// Starts another registry for one test, stopped with the fixture. With a user and password, it requires them
    /// through Basic authentication (an htpasswd file written by Debian's apache2-utils).
    /// </summary>
    public async Task<string> StartRegistryAsync(string? user = null, string? password = null)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("slipway-registry-").FullName;
        var auth = "";
        if (user is not null && password is not null)
        {
            var htpasswd = await Slipway.Docker.ProcessRunner.RunAsync("htpasswd", ["-Bbn", user, password]);
            if (!htpasswd.Succeeded)
                throw new InvalidOperationException($"htpasswd failed (install apache2-utils): {htpasswd.StandardError}");
            await File.WriteAllTextAsync(Path.Combine(folder, "htpasswd"), htpasswd.StandardOutput);
            auth = $"auth:\n  htpasswd:\n    realm: slipway-test\n    path: {folder}/htpasswd\n";
        }

        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {folder}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}

            """ + auth);
        var startInfo = new ProcessStartInfo("docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_registries)
            _registries.Add((process, folder));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                    return $"127.0.0.1:{port}";
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"docker-registry did not answer on 127.0.0.1:{port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task DisposeAsync()
    {
        foreach (var (process, folder) in _registries)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
