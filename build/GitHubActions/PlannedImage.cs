namespace Slipway.GitHubActions;

/// <summary>An image as the plan sees it.</summary>
/// <param name="Name">The image as <c>name/version</c>, for example <c>static-web/1.0</c>.</param>
/// <param name="NeedsBuild">Whether the image's inputs changed or a rebuild was requested.</param>
/// <param name="Parents">Names of the in-repo parent images that this image's Dockerfile builds on.</param>
public sealed record PlannedImage(string Name, bool NeedsBuild, IReadOnlyList<string> Parents);

/// <summary>One matrix entry: images that build in one job, parents before children.</summary>
/// <param name="Id">A stable id made from the first image's name, used as the job name and build cache scope.</param>
/// <param name="Images">Image names in dependency order.</param>
public sealed record MatrixGroup(string Id, IReadOnlyList<string> Images);
