namespace Slipway.Publishing;

/// <summary>How images are built and pushed in a run.</summary>
public sealed record PublishOptions
{
    public bool NoPush { get; init; }

    /// <summary>Pull a newer version of each external base image before building.</summary>
    public bool Pull { get; init; }

    /// <summary>Images built at the same time.</summary>
    public int MaxParallel { get; init; } = 2;

    /// <summary>Network for RUN steps when an image does not choose one; null leaves the engine's default.</summary>
    public string? DefaultNetwork { get; init; }

    /// <summary>Extra labels for every image, such as the OCI revision and source.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Scope prefix of the GitHub Actions build cache (<c>type=gha</c>); each image gets its own scope under it, so
    /// that parallel jobs do not evict each other's cache. Null uses only the previous image as an inline cache.
    /// </summary>
    public string? GitHubCacheScope { get; init; }

    /// <summary>Attempts for each push, for transient registry errors.</summary>
    public int PushAttempts { get; init; } = 3;
}
