using Slipway.Planning;
using Slipway.Registries;

namespace Slipway.Pipeline;

/// <summary>The parameters of a run that the pipeline needs, gathered from the build class.</summary>
public sealed record PipelineSettings
{
    public required PublishTarget Target { get; init; }

    public bool NoPush { get; init; }

    /// <summary>Pass --pull to every build, so that updated external base images are used.</summary>
    public bool Pull { get; init; }

    public int MaxParallel { get; init; } = 2;

    public bool Strict { get; init; }

    public bool LocalEngine { get; init; }

    public string? DockerClient { get; init; }

    /// <summary>When set, only these images (ids or names) are built; the rest are planned but left alone.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Credentials for every configured registry; null falls back to the docker config.</summary>
    public RegistryCredentials? Credentials { get; init; }

    /// <summary>The web address of the repository, for the OCI source label and README links.</summary>
    public string? SourceUrl { get; init; }

    public string? Revision { get; init; }

    /// <summary>
    /// Scope prefix for the GitHub Actions build cache; see <see cref="Publishing.PublishOptions.GitHubCacheScope"/>.
    /// </summary>
    public string? CacheScope { get; init; }
}
