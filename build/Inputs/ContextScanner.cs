using System.Text;

namespace Slipway.Inputs;

/// <summary>
/// Lists what BuildKit sends as the build context of a directory after the .dockerignore rules apply. File
/// contents are not read here.
/// </summary>
/// <remarks>
/// A directory is an entry of its own, as BuildKit sends directories. An excluded directory is descended only when
/// <see cref="DockerIgnore.MayReincludeBelow"/> says so, and it becomes an entry only if something below it is
/// included. BuildKit (fsutil <c>filterFS.Walk</c>) sends such a parent directory just before its first included
/// descendant so the receiver can place that descendant. Symbolic links are listed with their target text and never
/// followed. Ignore patterns are matched against the names as stored on disk, and only the listed paths are
/// converted to NFC. The Dockerfile and the ignore file get no special treatment: they are listed unless excluded.
/// </remarks>
public static class ContextScanner
{
    /// <exception cref="DirectoryNotFoundException">The context directory does not exist.</exception>
    public static ContextScan Scan(string contextDirectory, DockerIgnore ignore)
    {
        var root = new DirectoryInfo(contextDirectory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"build context directory not found: {contextDirectory}");
        }

        var walk = new ContextWalk(ignore);
        walk.WalkDirectory(root, "", null, []);
        var entries = walk.Entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var warnings = new List<string>(walk.Warnings);
        if (entries.Any(e => !System.Text.Ascii.IsValid(e.Path)) && !UnicodeNfc.IsAvailable)
        {
            warnings.Add("non-ASCII paths are listed as stored because neither .NET nor libicuuc can normalize "
                + "them to Unicode NFC here");
        }

        foreach (var duplicate in entries.GroupBy(e => e.Path).Where(g => g.Count() > 1))
        {
            warnings.Add($"several names in the build context normalize to \"{duplicate.Key}\" in Unicode NFC");
        }

        return new ContextScan(entries, warnings);
    }

    /// <summary>
    /// Loads the ignore file that BuildKit uses for a Dockerfile: "&lt;Dockerfile name&gt;.dockerignore" beside the
    /// Dockerfile replaces "&lt;context&gt;/.dockerignore" entirely (the two are not merged). Without either file
    /// the rules are empty and <paramref name="ignoreFilePath"/> is null.
    /// </summary>
    /// <exception cref="FormatException">The chosen ignore file contains an invalid pattern.</exception>
    public static DockerIgnore LoadIgnoreFile(string contextDirectory, string dockerfilePath,
        out string? ignoreFilePath)
    {
        var dockerfile = Path.GetFullPath(dockerfilePath);
        var specific = Path.Combine(Path.GetDirectoryName(dockerfile)!, Path.GetFileName(dockerfile) + ".dockerignore");
        var general = Path.Combine(Path.GetFullPath(contextDirectory), ".dockerignore");
        foreach (var candidate in new[] { specific, general })
        {
            if (File.Exists(candidate))
            {
                ignoreFilePath = candidate;
                try
                {
                    return DockerIgnore.Parse(File.ReadAllText(candidate, Encoding.UTF8));
                }
                catch (FormatException error)
                {
                    throw new FormatException($"{candidate}: {error.Message}", error);
                }
            }
        }

        ignoreFilePath = null;
        return DockerIgnore.Empty;
    }
}
