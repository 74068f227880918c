using System.Text.RegularExpressions;

namespace Slipway.Dockerfiles;

/// <summary>One instruction with its continuation lines joined. <paramref name="Keyword"/> is in lower case.</summary>
internal sealed record DockerfileInstruction(int Line, string Keyword, string Arguments);

/// <summary>
/// Splits a Dockerfile into instructions the way BuildKit's parser does: parser directives at the top, comments,
/// line continuations with the escape character, and heredoc bodies, which are skipped.
/// </summary>
internal static partial class DockerfileLexer
{
    private static readonly HashSet<string> HeredocInstructions = ["run", "copy", "add"];

    /// <exception cref="FormatException">An escape directive is invalid or repeated, or a heredoc is not
    /// closed.</exception>
    public static List<DockerfileInstruction> Read(string text, out char escape)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        escape = ReadDirectives(lines);
        var instructions = new List<DockerfileInstruction>();
        var index = 0;
        while (index < lines.Length)
        {
            var startLine = index + 1;
            var first = lines[index++].TrimStart();
            if (first.StartsWith('#'))
            {
                continue;
            }

            var (logical, complete) = TrimContinuation(first, escape);
            while (!complete && index < lines.Length)
            {
                var next = lines[index++];
                var trimmed = next.TrimStart();

                // Comment lines and empty lines inside a continued instruction are dropped.
                if (trimmed.StartsWith('#') || trimmed.Length == 0)
                {
                    continue;
                }

                (var part, complete) = TrimContinuation(next, escape);
                logical += part;
            }

            if (logical.Trim().Length == 0)
            {
                continue;
            }

            var instruction = CreateInstruction(startLine, logical);
            instructions.Add(instruction);
            if (HeredocInstructions.Contains(instruction.Keyword))
            {
                index = SkipHeredocBodies(lines, index, instruction);
            }
        }

        return instructions;
    }

    /// <summary>Returns the escape character set by the directives at the top of the file.</summary>
    private static char ReadDirectives(string[] lines)
    {
        var escape = '\\';
        var seen = new HashSet<string>();
        foreach (var line in lines)
        {
            var match = DirectivePattern().Match(line);
            if (!match.Success)
            {
                break;
            }

            var name = match.Groups[1].Value.ToLowerInvariant();
            if (name is not ("escape" or "syntax" or "check"))
            {
                break;
            }

            if (!seen.Add(name))
            {
                throw new FormatException($"invalid Dockerfile: only one \"{name}\" parser directive can be used");
            }

            if (name == "escape")
            {
                escape = match.Groups[2].Value switch
                {
                    "\\" => '\\',
                    "`" => '`',
                    var value => throw new FormatException(
                        $"invalid Dockerfile: escape directive value \"{value}\" must be \\ or `"),
                };
            }
        }

        return escape;
    }

    private static (string Text, bool Complete) TrimContinuation(string line, char escape)
    {
        var end = line.TrimEnd(' ', '\t');
        if (end.Length > 0 && end[^1] == escape)
        {
            return (end[..^1], false);
        }

        return (line, true);
    }

    private static DockerfileInstruction CreateInstruction(int line, string logical)
    {
        var trimmed = logical.Trim();
        var split = trimmed.IndexOfAny([' ', '\t']);
        var keyword = split < 0 ? trimmed : trimmed[..split];
        var arguments = split < 0 ? "" : trimmed[split..].Trim();
        return new DockerfileInstruction(line, keyword.ToLowerInvariant(), arguments);
    }

    // Returns the index of the first line after the heredoc bodies that the instruction opens.
    private static int SkipHeredocBodies(string[] lines, int index, DockerfileInstruction instruction)
    {
        foreach (var (name, stripTabs) in FindHeredocs(instruction.Arguments))
        {
            var closed = false;
            while (index < lines.Length && !closed)
            {
                var line = lines[index++];
                closed = (stripTabs ? line.TrimStart('\t') : line) == name;
            }

            if (!closed)
            {
                throw new FormatException(
                    $"invalid Dockerfile: the heredoc \"{name}\" opened on line {instruction.Line} is not closed");
            }
        }

        return index;
    }

    /// <summary>
    /// Finds heredoc openers such as <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c> or <c>3&lt;&lt;"EOF"</c>.
    /// </summary>
    internal static IEnumerable<(string Name, bool StripTabs)> FindHeredocs(string arguments)
    {
        if (!arguments.Contains("<<", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in HeredocPattern().Matches(arguments))
        {
            var name = match.Groups["name"].Value;
            if (name.Length >= 2 && (name[0] == '"' || name[0] == '\'') && name[^1] == name[0])
            {
                name = name[1..^1];
            }

            yield return (name, match.Groups["strip"].Success);
        }
    }

    [GeneratedRegex(@"^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$")]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"(?<=^|\s)\d*<<(?<strip>-)?(?<name>[^<\s]+)(?=\s|$)")]
    private static partial Regex HeredocPattern();
}
