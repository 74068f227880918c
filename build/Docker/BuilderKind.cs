namespace Slipway.Docker;

/// <summary>How the docker client builds images.</summary>
public enum BuilderKind
{
    /// <summary><c>docker buildx build</c>: BuildKit through the buildx plugin.</summary>
    Buildx,

    /// <summary><c>docker build</c> with <c>DOCKER_BUILDKIT=1</c>: a client older than 23.0 using the engine's BuildKit.</summary>
    EngineBuildKit,

    /// <summary><c>docker build</c> with the classic builder, the last resort.</summary>
    Classic,
}

/// <summary>A docker client executable and the way it builds.</summary>
public sealed record DockerClientInfo(string Path, string Version, BuilderKind Builder)
{
    public bool UsesBuildKit => Builder != BuilderKind.Classic;
}
