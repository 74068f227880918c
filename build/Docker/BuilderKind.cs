namespace Slipway.Docker;

/// <summary>How the docker client builds images.</summary>
public enum BuilderKind
{
    /// <summary><c>docker buildx build</c>: BuildKit through the buildx plugin.</summary>
    Buildx,

    /// <summary>
    /// <c>docker build</c> with <c>DOCKER_BUILDKIT=1</c>: a client older than 23.0 using the engine's BuildKit.
    /// </summary>
    EngineBuildKit,

    /// <summary><c>docker build</c> with the classic builder, the last resort.</summary>
    Classic,
}

/// <summary>A docker client executable and the way it builds.</summary>
/// <param name="BuildxDriver">The driver of the current buildx builder (<c>docker</c>,
/// <c>docker-container</c>, ...).</param>
public sealed record DockerClientInfo(string Path, string Version, BuilderKind Builder, string? BuildxDriver = null)
{
    public bool UsesBuildKit => Builder != BuilderKind.Classic;

    /// <summary>
    /// Whether the builder can export a cache to a backend (the docker driver only has inline caches).
    /// </summary>
    public bool CanExportCache => Builder == BuilderKind.Buildx && BuildxDriver is not (null or "docker");
}
