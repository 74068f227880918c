namespace Slipway.Inputs;

/// <summary>
/// The rules of a .dockerignore file, with Docker's semantics rather than .gitignore's. Every pattern is anchored
/// at the context root after Go's <c>path.Clean</c> (so a leading <c>/</c> or <c>./</c> and a trailing <c>/</c> mean
/// nothing), matches whole path segments, and excludes everything below a directory it matches. Later lines win,
/// so a <c>!</c> exception re-includes what earlier lines excluded and a later pattern can exclude it again.
/// </summary>
/// <remarks>
/// Matching follows moby/patternmatcher's <c>MatchesUsingParentResults</c>, the form BuildKit's context walker
/// (tonistiigi/fsutil <c>filterFS.Walk</c>) uses. Descent into excluded directories follows the current fsutil
/// rule, described on <see cref="MayReincludeBelow"/>.
/// </remarks>
public sealed class DockerIgnore
{
    private readonly IgnorePattern[] patterns;
    private readonly bool hasWildcardException;

    private DockerIgnore(IgnorePattern[] patterns)
    {
        this.patterns = patterns;
        Patterns = patterns.Select(p => p.IsException ? "!" + p.Text : p.Text).ToArray();
        HasExceptions = patterns.Any(p => p.IsException);
        hasWildcardException = patterns.Any(
            p => p.IsException && IgnorePatternSyntax.HasSpecialCharacters(WithoutTrailingGlob(p.Text)));
    }

    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>Cleaned patterns in file order, exceptions with their leading <c>!</c>.</summary>
    public IReadOnlyList<string> Patterns { get; }

    public bool HasExceptions { get; }

    /// <summary>
    /// Parses the text of a .dockerignore file. A line is a comment only when <c>#</c> is its first character,
    /// before whitespace is trimmed. A UTF-8 byte order mark at the start is dropped.
    /// </summary>
    /// <exception cref="FormatException">A line is a bare <c>!</c> or a malformed pattern.</exception>
    public static DockerIgnore Parse(string text)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var patterns = new List<IgnorePattern>();
        for (var index = 0; index < lines.Length; index++)
        {
            var pattern = ParseLine(lines[index].TrimEnd('\r'), index + 1);
            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        return new DockerIgnore(patterns.ToArray());
    }

    /// <summary>
    /// Returns whether BuildKit leaves the path out of the build context. The path is '/'-separated and relative to
    /// the context root. A path is excluded when the last pattern that matches it or one of its parent directories
    /// is not an exception.
    /// </summary>
    public bool IsExcluded(string relativePath)
    {
        if (patterns.Length == 0 || relativePath.Length == 0 || relativePath == ".")
        {
            return false;
        }

        var excluded = false;
        bool[]? parentMatches = null;
        var end = relativePath.IndexOf('/');
        while (true)
        {
            var prefix = end < 0 ? relativePath : relativePath[..end];
            excluded = Match(prefix, parentMatches, out parentMatches);
            if (end < 0)
            {
                return excluded;
            }

            end = relativePath.IndexOf('/', end + 1);
        }
    }

    /// <summary>
    /// Returns whether an exception could re-include something below the excluded directory, so a walker has to
    /// descend into it.
    /// </summary>
    /// <remarks>
    /// This is the rule of tonistiigi/fsutil's <c>filterFS</c>, which current BuildKit uses. When any exception
    /// still contains <c>*</c>, <c>?</c>, <c>[</c>, <c>]</c>, <c>^</c> or <c>\</c> after a trailing <c>/**</c> or
    /// <c>/*</c> is removed, every excluded directory is descended, so <c>!**/*.cc</c> re-includes
    /// <c>build/a.cc</c> below an excluded <c>build</c>. Otherwise a directory is descended only when an exception
    /// (without that trailing glob) starts with the directory path and a slash. The classic builder and older
    /// BuildKit apply only the prefix test to the whole exception text, so they never send <c>build/a.cc</c> in
    /// that example. Modelling the current rule counts the larger set of files, so no change is missed.
    /// </remarks>
    public bool MayReincludeBelow(string relativeDirectory)
    {
        if (!HasExceptions)
        {
            return false;
        }

        if (hasWildcardException)
        {
            return true;
        }

        var directoryWithSlash = relativeDirectory.TrimEnd('/') + "/";
        return patterns.Any(p => p.IsException
            && (WithoutTrailingGlob(p.Text) + "/").StartsWith(directoryWithSlash, StringComparison.Ordinal));
    }

    /// <summary>
    /// Matches one path given the per-pattern results of its parent directory, as patternmatcher's
    /// <c>MatchesUsingParentResults</c> does. A pattern that matched the parent counts as matching the path.
    /// </summary>
    internal bool Match(string path, bool[]? parentMatches, out bool[] matches)
    {
        matches = new bool[patterns.Length];
        var excluded = false;
        for (var i = 0; i < patterns.Length; i++)
        {
            var pattern = patterns[i];
            var match = parentMatches is not null && parentMatches[i];
            if (!match)
            {
                // Skip patterns that cannot change the result: an exclusion when the path is already excluded,
                // an exception when it is not.
                if (pattern.IsException != excluded)
                {
                    continue;
                }

                match = pattern.Matches(path);
            }

            matches[i] = match;
            if (match)
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }

    private static IgnorePattern? ParseLine(string line, int lineNumber)
    {
        if (line.StartsWith('#'))
        {
            return null;
        }

        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var isException = text[0] == '!';
        if (isException)
        {
            text = text[1..].Trim();
            if (text.Length == 0)
            {
                throw new FormatException(
                    $"invalid .dockerignore pattern \"!\" on line {lineNumber}: an exception needs a path after '!'");
            }
        }

        text = PathCleaner.Clean(text);
        if (text.Length > 1 && text[0] == '/')
        {
            text = text[1..];
        }

        try
        {
            return IgnorePattern.Create(text, isException);
        }
        catch (FormatException error)
        {
            throw new FormatException($"{error.Message} on line {lineNumber}", error);
        }
    }

    // Drops a trailing "/**" and then a trailing "/*", as fsutil does before its prefix test.
    private static string WithoutTrailingGlob(string pattern)
    {
        if (pattern.EndsWith("/**", StringComparison.Ordinal))
        {
            pattern = pattern[..^3];
        }

        return pattern.EndsWith("/*", StringComparison.Ordinal) ? pattern[..^2] : pattern;
    }
}
