namespace Slipway.Dockerfiles;

/// <summary>How a Dockerfile uses a parent image.</summary>
public enum ParentKind
{
    /// <summary>The base image of a stage: <c>FROM image</c>.</summary>
    From,

    /// <summary>An image that files are copied from: <c>COPY --from=image</c>.</summary>
    CopyFrom,

    /// <summary>An image mounted into a <c>RUN</c> step: <c>RUN --mount=from=image</c>.</summary>
    MountFrom,
}

/// <summary>
/// A parent image named in a Dockerfile. <paramref name="Reference"/> is the text after build argument substitution
/// and is not normalized. <paramref name="Line"/> is the 1-based line where the instruction starts, and
/// <paramref name="Platform"/> is the <c>FROM --platform</c> value, if any.
/// </summary>
public sealed record ParentReference(string Reference, ParentKind Kind, int Line, string? Platform);

/// <summary>An image reference that could not be resolved, such as <c>FROM $BASE</c> where BASE has no value.</summary>
public sealed record UnresolvedReference(int Line, string Text, string Reason);

/// <summary>
/// What Slipway needs from a Dockerfile: its parent images in order of appearance (one item per use, duplicates
/// kept), the references it could not resolve, the stage names in lower case, and the names of the global
/// <c>ARG</c>s declared before the first <c>FROM</c>.
/// </summary>
public sealed record DockerfileInfo(
    IReadOnlyList<ParentReference> Parents,
    IReadOnlyList<UnresolvedReference> Unresolved,
    IReadOnlyList<string> StageNames,
    IReadOnlyList<string> GlobalArgNames);
