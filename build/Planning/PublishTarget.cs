namespace Slipway.Planning;

/// <summary>Where images are published: the registries (first is primary) and the namespace inside each.</summary>
public sealed record PublishTarget(IReadOnlyList<string> Registries, string? Namespace)
{
    /// <summary>The build arg Slipway sets when a Dockerfile declares it before its first FROM.</summary>
    public const string RepositoryPrefixArg = "REPOSITORY_PREFIX";

    public string PrimaryRegistry => Registries[0];

    /// <summary><c>registry/namespace</c>, the part of a reference before the image name.</summary>
    public string Prefix(string registry) => Namespace is { Length: > 0 } ns ? $"{registry}/{ns}" : registry;

    public string Repository(string registry, string imageName) => $"{Prefix(registry)}/{imageName}";

    /// <summary>The path of a repository inside its registry, as the distribution API names it.</summary>
    public string RepositoryPath(string imageName) =>
        Namespace is { Length: > 0 } ns ? $"{ns}/{imageName}" : imageName;
}
