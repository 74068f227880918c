using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Slipway.Docker;

namespace Slipway.Tests.Integration;

/// <summary>
/// A real Docker engine (from DOCKER_HOST or the default socket; `./build.sh Test` starts one when missing) and a
/// private registry on a free loopback port, started for these tests and stopped by its process id.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private Process? _registry;
    private string? _registryFolder;

    public DockerCli Docker { get; private set; } = null!;

    /// <summary><c>127.0.0.1:&lt;port&gt;</c> of the private registry.</summary>
    public string Registry { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var client = await DockerClientLocator.LocateAsync(null);
        Docker = new DockerCli(client);
        if (!await Docker.IsEngineReachableAsync())
            throw new InvalidOperationException(
                "No Docker engine answers. Run the tests with ./build.sh Test, which starts a private engine, " +
                "or set DOCKER_HOST.");
        Registry = await StartRegistryAsync();
    }

    private async Task<string> StartRegistryAsync()
    {
        var port = FreePort();
        _registryFolder = Directory.CreateTempSubdirectory("slipway-registry-").FullName;
        var config = Path.Combine(_registryFolder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {_registryFolder}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            """);
        var startInfo = new ProcessStartInfo("docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _registry = Process.Start(startInfo) ?? throw new InvalidOperationException("docker-registry did not start");
        _registry.OutputDataReceived += (_, _) => { };
        _registry.ErrorDataReceived += (_, _) => { };
        _registry.BeginOutputReadLine();
        _registry.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/v2/");
                if (response.StatusCode == HttpStatusCode.OK)
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
        if (_registry is { HasExited: false })
        {
            _registry.Kill();
            _registry.WaitForExit();
        }

        _registry?.Dispose();
        if (_registryFolder is not null)
            Directory.Delete(_registryFolder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
