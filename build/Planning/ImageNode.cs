using Slipway.Catalog;
using Slipway.Dockerfiles;

namespace Slipway.Planning;

/// <summary>An image with its effective build args and its parents among this repository's images.</summary>
public sealed record ImageNode(
    ImageDefinition Image,
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyList<ImageParent> Parents,
    IReadOnlyList<ParentReference> ExternalBases,
    IReadOnlyList<UnresolvedReference> Unresolved);

/// <summary>An in-repo parent: the reference as the Dockerfile resolves it, and the image that publishes it.</summary>
public sealed record ImageParent(string Reference, ImageDefinition Image);
