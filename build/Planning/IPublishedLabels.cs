using Slipway.Docker;
using Slipway.Registries;

namespace Slipway.Planning;

/// <summary>
/// Where the labels of the published image come from: the registry, or the local engine with --no-push.
/// </summary>
public interface IPublishedLabels
{
    string Description { get; }

    Task<IReadOnlyDictionary<string, string>?> GetAsync(string registry, string repositoryPath, string tag,
        string reference, CancellationToken token);
}

/// <summary>Reads labels from the registry through its HTTP API.</summary>
public sealed class RegistryLabels(RegistryClient client) : IPublishedLabels
{
    public string Description => "registry";

    public Task<IReadOnlyDictionary<string, string>?> GetAsync(string registry, string repositoryPath, string tag,
        string reference, CancellationToken token) => client.GetLabelsAsync(registry, repositoryPath, tag, token);
}

/// <summary>Reads labels from the local engine's image of the same reference.</summary>
public sealed class LocalEngineLabels(DockerCli docker) : IPublishedLabels
{
    public string Description => "local engine";

    public Task<IReadOnlyDictionary<string, string>?> GetAsync(string registry, string repositoryPath, string tag,
        string reference, CancellationToken token) => docker.GetLocalLabelsAsync(reference);
}
