using YamlDotNet.Serialization;

namespace Slipway.Catalog;

/// <summary>
/// The contents of one <c>image.yml</c>. A name folder's file applies to all its versions; a version folder's file
/// overrides it field by field (build args are merged key by key). Paths are relative to the file's own folder.
/// </summary>
public sealed class ImageSettings
{
    /// <summary>Build context folder. Default: the version folder.</summary>
    [YamlMember(Alias = "context")] public string? Context { get; set; }

    /// <summary>Dockerfile path. Default: the Dockerfile that defines the image.</summary>
    [YamlMember(Alias = "dockerfile")] public string? Dockerfile { get; set; }

    /// <summary>
    /// README sent as the registry description. Default: version folder, name folder, then repository root.
    /// </summary>
    [YamlMember(Alias = "readme")] public string? Readme { get; set; }

    /// <summary>Short description (Docker Hub's 100-byte field, and the OCI description label).</summary>
    [YamlMember(Alias = "description")] public string? Description { get; set; }

    /// <summary>Tags in addition to the version folder's name, such as <c>latest</c>.</summary>
    [YamlMember(Alias = "tags")] public List<string>? Tags { get; set; }

    [YamlMember(Alias = "buildArgs")] public Dictionary<string, string>? BuildArgs { get; set; }

    /// <summary>Build stage to stop at (<c>--target</c>).</summary>
    [YamlMember(Alias = "target")] public string? Target { get; set; }

    [YamlMember(Alias = "platforms")] public List<string>? Platforms { get; set; }

    /// <summary>Network for RUN steps: <c>default</c>, <c>none</c> or <c>host</c>.</summary>
    [YamlMember(Alias = "network")] public string? Network { get; set; }

    /// <summary>
    /// A command (exec form) run in the built image before it is pushed; a non-zero exit stops the push.
    /// </summary>
    [YamlMember(Alias = "test")] public List<string>? Test { get; set; }

    /// <summary>False builds the image but never pushes it.</summary>
    [YamlMember(Alias = "push")] public bool? Push { get; set; }
}
