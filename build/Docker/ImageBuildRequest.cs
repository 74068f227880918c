namespace Slipway.Docker;

/// <summary>Everything one <c>docker build</c> receives.</summary>
public sealed record ImageBuildRequest(
    string ContextDirectory,
    string DockerfilePath,
    IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyDictionary<string, string> Labels,
    string? Target,
    IReadOnlyList<string> Platforms,
    string? Network,
    IReadOnlyList<string> CacheFrom,
    IReadOnlyList<string>? CacheTo = null,
    bool Pull = false);
