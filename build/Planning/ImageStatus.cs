namespace Slipway.Planning;

/// <summary>Why an image is or is not built.</summary>
public enum ImageStatus
{
    /// <summary>The primary tag is not in the registry yet.</summary>
    New,

    /// <summary>The primary tag already carries the current fingerprint.</summary>
    UpToDate,

    /// <summary>Some of the image's own inputs differ from the published image's.</summary>
    Changed,

    /// <summary>Only the fingerprint of an in-repo parent differs.</summary>
    ParentChanged,

    /// <summary>Built on request, whatever the fingerprint says.</summary>
    Forced,

    /// <summary>A base image reference could not be resolved, so the image is always built.</summary>
    UnknownBase,
}
