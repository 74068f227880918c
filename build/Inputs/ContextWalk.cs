namespace Slipway.Inputs;

/// <summary>The state of one depth-first walk of a build context directory.</summary>
internal sealed class ContextWalk(DockerIgnore ignore)
{
    public List<ContextEntry> Entries { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>
    /// Walks the children of a directory. <paramref name="parentMatches"/> are the per-pattern results of the
    /// directory itself, and <paramref name="pendingParents"/> are excluded ancestors not listed yet, which are
    /// listed as soon as something below them is included.
    /// </summary>
    public void WalkDirectory(
        DirectoryInfo directory, string relativePath, bool[]? parentMatches, List<ContextEntry> pendingParents)
    {
        FileSystemInfo[] children;
        try
        {
            children = directory.GetFileSystemInfos();
        }
        catch (UnauthorizedAccessException) when (pendingParents.Count > 0)
        {
            // fsutil also skips an unreadable directory when the directory itself is excluded.
            Warnings.Add($"skipped the excluded directory \"{relativePath}\" because it cannot be read");
            return;
        }

        Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var child in children)
        {
            var path = relativePath.Length == 0 ? child.Name : relativePath + "/" + child.Name;
            var excluded = ignore.Match(path, parentMatches, out var matches);
            var entry = CreateEntry(child, path);
            if (!excluded)
            {
                Entries.AddRange(pendingParents);
                pendingParents.Clear();
                Entries.Add(entry);
                WarnIfLinkLeavesContext(entry, relativePath);
            }

            if (entry.Kind != ContextEntryKind.Directory || (excluded && !ignore.MayReincludeBelow(path)))
            {
                continue;
            }

            if (excluded)
            {
                pendingParents.Add(entry);
            }

            WalkDirectory((DirectoryInfo)child, path, matches, pendingParents);
            if (excluded && pendingParents.Count > 0 && ReferenceEquals(pendingParents[^1], entry))
            {
                pendingParents.RemoveAt(pendingParents.Count - 1);
            }
        }
    }

    private static ContextEntry CreateEntry(FileSystemInfo info, string path)
    {
        var normalizedPath = UnicodeNfc.Normalize(path);

        // Attributes come from the status that the enumeration cached, so only links cost a readlink call.
        if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is { } target)
        {
            return new ContextEntry(normalizedPath, ContextEntryKind.SymbolicLink, false, target)
            {
                FileSystemPath = path,
            };
        }

        var isExecutable = (info.UnixFileMode & UnixFileMode.UserExecute) != 0;
        var kind = info is DirectoryInfo ? ContextEntryKind.Directory : ContextEntryKind.File;

        // NOTE: .NET does not expose the file type bits, so a FIFO, socket or device node is listed as a file.
        return new ContextEntry(normalizedPath, kind, isExecutable, null) { FileSystemPath = path };
    }

    // The target is resolved lexically against the link's directory. Intermediate links in the target are not
    // followed, so a target that leaves the context only through another link gets no warning.
    private void WarnIfLinkLeavesContext(ContextEntry entry, string parentPath)
    {
        if (entry.LinkTarget is not { } target)
        {
            return;
        }

        if (target.StartsWith('/'))
        {
            Warnings.Add($"symbolic link \"{entry.Path}\" has the absolute target \"{target}\", "
                + "which points outside the build context");
            return;
        }

        var resolved = PathCleaner.Clean(parentPath.Length == 0 ? target : parentPath + "/" + target);
        if (resolved == ".." || resolved.StartsWith("../", StringComparison.Ordinal))
        {
            Warnings.Add($"symbolic link \"{entry.Path}\" has the target \"{target}\", "
                + "which points outside the build context");
        }
    }
}
