using System.Text;

namespace Slipway.Dockerfiles;

/// <summary>
/// Processes one Dockerfile word the way BuildKit's shell lexer does for <c>FROM</c> and flag values: quotes are
/// removed, the escape character makes the next character literal, and variables are replaced. Supported forms are
/// <c>$X</c>, <c>${X}</c>, <c>${X:-word}</c>, <c>${X-word}</c>, <c>${X:+word}</c>, <c>${X+word}</c>,
/// <c>${X:?message}</c> and <c>${X?message}</c>. An unset variable becomes the empty string.
/// </summary>
internal sealed class ShellWord
{
    private readonly string text;
    private readonly char escape;
    private readonly Func<string, string?> lookup;
    private int position;

    private ShellWord(string text, char escape, Func<string, string?> lookup)
    {
        this.text = text;
        this.escape = escape;
        this.lookup = lookup;
    }

    /// <summary>Names referenced as <c>$X</c> or <c>${X}</c> that had no value, so they added nothing.</summary>
    private HashSet<string> UnsetNames { get; } = [];

    /// <exception cref="FormatException">The word uses an unsupported or malformed substitution, or
    /// <c>${X?message}</c> met an unset X.</exception>
    public static string Expand(string word, Func<string, string?> lookup, out IReadOnlySet<string> unsetNames,
        char escape = '\\')
    {
        var shellWord = new ShellWord(word, escape, lookup);
        var result = shellWord.ReadUntil(null);
        unsetNames = shellWord.UnsetNames;
        return result;
    }

    // Reads up to the stop character (not consumed) or the end of the text.
    private string ReadUntil(char? stop)
    {
        var result = new StringBuilder();
        while (position < text.Length && text[position] != stop)
        {
            var ch = text[position++];
            if (ch == escape)
            {
                result.Append(position < text.Length ? text[position++] : ch);
            }
            else if (ch == '\'')
            {
                var end = text.IndexOf('\'', position);
                end = end < 0 ? text.Length : end;
                result.Append(text, position, end - position);
                position = Math.Min(end + 1, text.Length);
            }
            else if (ch == '"')
            {
                ReadDoubleQuoted(result);
            }
            else if (ch == '$')
            {
                result.Append(ReadVariable());
            }
            else
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }

    private void ReadDoubleQuoted(StringBuilder result)
    {
        while (position < text.Length && text[position] != '"')
        {
            var ch = text[position++];
            if (ch == escape && position < text.Length && (text[position] is '"' or '$' || text[position] == escape))
            {
                result.Append(text[position++]);
            }
            else if (ch == '$')
            {
                result.Append(ReadVariable());
            }
            else
            {
                result.Append(ch);
            }
        }

        position = Math.Min(position + 1, text.Length);
    }

    // Called after '$'.
    private string ReadVariable()
    {
        if (position < text.Length && text[position] == '{')
        {
            position++;
            return ReadBracedVariable();
        }

        var name = ReadName();
        return name.Length == 0 ? "$" : Lookup(name, recordUnset: true) ?? "";
    }

    private string ReadBracedVariable()
    {
        var name = ReadName();
        if (name.Length == 0)
        {
            throw new FormatException($"missing variable name in \"{text}\"");
        }

        if (position < text.Length && text[position] == '}')
        {
            position++;
            return Lookup(name, recordUnset: true) ?? "";
        }

        var value = Lookup(name, recordUnset: false);

        var colon = position < text.Length && text[position] == ':';
        if (colon)
        {
            position++;
        }

        var modifier = position < text.Length ? text[position++] : '\0';
        if (modifier is not ('-' or '+' or '?'))
        {
            throw new FormatException($"unsupported substitution after ${{{name} in \"{text}\"");
        }

        var word = ReadUntil('}');
        if (position >= text.Length)
        {
            throw new FormatException($"missing '}}' in \"{text}\"");
        }

        position++;
        var isSet = colon ? !string.IsNullOrEmpty(value) : value is not null;
        return modifier switch
        {
            '-' => isSet ? value! : word,
            '+' => isSet ? word : "",
            _ => isSet ? value! : throw new FormatException($"{name}: {(word.Length > 0 ? word : "is not set")}"),
        };
    }

    private string ReadName()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private string? Lookup(string name, bool recordUnset)
    {
        var value = lookup(name);
        if (value is null && recordUnset)
        {
            UnsetNames.Add(name);
        }

        return value;
    }
}
