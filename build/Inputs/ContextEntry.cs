namespace Slipway.Inputs;

public enum ContextEntryKind
{
    File,
    Directory,
    SymbolicLink,
}

/// <summary>
/// One file system entry that BuildKit sends in a build context. <paramref name="Path"/> is '/'-separated, relative
/// to the context root and in Unicode normalization form C. <paramref name="IsExecutable"/> is the owner execute
/// bit and is always false for a symbolic link. <paramref name="LinkTarget"/> is the link's target text, unresolved.
/// </summary>
public sealed record ContextEntry(string Path, ContextEntryKind Kind, bool IsExecutable, string? LinkTarget)
{
    /// <summary>
    /// The path as the file system spells it, '/'-separated and relative to the context root. It differs from
    /// <see cref="Path"/> when a name is not in normalization form C, and is the path to open for reading.
    /// </summary>
    public string FileSystemPath { get; init; } = Path;
}

/// <summary>The entries of a build context sorted by ordinal path, and warnings about what the scan met.</summary>
public sealed record ContextScan(IReadOnlyList<ContextEntry> Entries, IReadOnlyList<string> Warnings);
