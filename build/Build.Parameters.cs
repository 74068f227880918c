#pragma warning disable CS0649 // The engine sets parameter fields through reflection.
using Slipway.Engine;
using Slipway.Pipeline;
using Slipway.Planning;
using Slipway.References;
using Slipway.Registries;

namespace Slipway;

/// <summary>
/// The parameters of the build; each can come from the command line, the environment or .nuke/parameters.json.
/// </summary>
internal sealed partial class Build
{
    [Parameter("Registries to push to, primary first, as host[:port]: docker.io, ghcr.io, 127.0.0.1:5000")]
    readonly string[] Registry = [];

    [Parameter("Namespace inside each registry (user or organisation), giving <registry>/<namespace>/<name>:<tag>")]
    readonly string? Namespace;

    [Parameter("Build without pushing; up-to-date checks then compare with the local engine's images")]
    readonly bool NoPush;

    [Parameter("User name for the registries; without it the credentials of ~/.docker/config.json are used")]
    readonly string? RegistryUsername;

    [Parameter("Password or access token for the registries"), Secret]
    readonly string? RegistryPassword;

    [Parameter("Maximum number of images built at the same time")]
    readonly int MaxParallel = 2;

    [Parameter("Build only these images (name/version or name); the rest are planned but not built")]
    readonly string[]? Images;

    [Parameter("Images to rebuild even when up to date (name/version)")]
    readonly string[]? ForceImages;

    [Parameter("Rebuild every image as BuildAll does; the scheduled workflow sets it to pick up updated base images")]
    readonly bool ForceAll;

    [Parameter("Pull a newer version of every external base image before building (docker build --pull)")]
    readonly bool Pull;

    [Parameter("Fail when a FROM cannot be resolved, instead of warning and always rebuilding the image")]
    readonly bool Strict;

    [Parameter("Start a private Docker engine and a loopback registry when no engine responds")]
    readonly bool LocalEngine;

    [Parameter("Path of the docker client; default: the first docker on PATH that can build with BuildKit")]
    readonly string? DockerClient;

    [Parameter("Print the plan as JSON")]
    readonly bool Json;

    [Parameter("Scope prefix of the GitHub Actions build cache; each image gets its own scope under it")]
    readonly string? CacheScope;

    [Parameter("Web address of this repository, for the org.opencontainers.image.source label and README links")]
    readonly string? SourceUrl;

    private PipelineSettings CreateSettings()
    {
        if (Registry.Length == 0)
            throw new UsageException("No registry is configured. Pass --registry <host[:port]> or set \"Registry\" " +
                                     "in .nuke/parameters.json (docker.io for Docker Hub).");
        foreach (var registry in Registry)
        {
            var probe = $"{registry}/{(string.IsNullOrEmpty(Namespace) ? "" : Namespace + "/")}image:tag";
            if (!ImageReference.TryParse(probe, out var parsed, out var error) || parsed!.Domain != registry)
                throw new UsageException($"--registry '{registry}' with --namespace '{Namespace}' does not form a " +
                                         "valid image reference " +
                                         $"({error ?? "the registry must contain a '.' or ':' or be localhost"}).");
        }

        if (MaxParallel < 1)
            throw new UsageException($"--max-parallel {MaxParallel} is invalid: it must be at least 1 (default 2).");

        var target = new PublishTarget(Registry, Namespace);
        return new PipelineSettings
        {
            Target = target,
            NoPush = NoPush,
            MaxParallel = MaxParallel,
            Strict = Strict,
            LocalEngine = LocalEngine,
            DockerClient = DockerClient,
            Images = Images ?? [],
            Credentials = RegistryUsername is { Length: > 0 } user && RegistryPassword is { Length: > 0 } password
                ? new RegistryCredentials(user, password)
                : null,
            SourceUrl = SourceUrl ?? GitInfo.WebUrl(RootDirectory),
            Revision = GitInfo.Revision(RootDirectory),
            CacheScope = CacheScope,
            Pull = Pull,
        };
    }
}
