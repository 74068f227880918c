namespace Slipway.Catalog;

/// <summary>
/// One image of the repository: <c>images/&lt;name&gt;/&lt;version&gt;/Dockerfile</c> and its settings.
/// </summary>
public sealed record ImageDefinition
{
    /// <summary>Image name: the name folder, which becomes the last path component of the repository.</summary>
    public required string Name { get; init; }

    /// <summary>The version folder, which is also the primary tag.</summary>
    public required string Version { get; init; }

    /// <summary>Target name and short id, <c>&lt;name&gt;/&lt;version&gt;</c>.</summary>
    public string Id => $"{Name}/{Version}";

    /// <summary>Absolute path of the version folder.</summary>
    public required string Folder { get; init; }

    public required string ContextDirectory { get; init; }

    public required string DockerfilePath { get; init; }

    /// <summary>The README chosen by the README rule, or null when there is none.</summary>
    public string? ReadmePath { get; init; }

    public string? Description { get; init; }

    /// <summary>Tags, the version first.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyDictionary<string, string> BuildArgs { get; init; }

    public string? Target { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];

    public string? Network { get; init; }

    public bool Push { get; init; } = true;

    /// <summary>The test command run in the built image before pushing; empty when the image has none.</summary>
    public IReadOnlyList<string> Test { get; init; } = [];

    /// <summary>The settings files that shaped this image, name folder first.</summary>
    public IReadOnlyList<string> SettingsFiles { get; init; } = [];
}
