using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Inputs;

/// <summary>
/// One cleaned .dockerignore pattern, matched the way moby/patternmatcher matches it: <c>*</c> and <c>?</c> stay
/// within one path segment, <c>**</c> spans any number of segments, <c>[...]</c> is a character class with
/// <c>^</c> for negation, and <c>\</c> makes the next character literal.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly Regex? regex;
    private readonly string? literalSuffix;

    private IgnorePattern(string text, bool isException, Regex? regex, string? literalSuffix)
    {
        Text = text;
        IsException = isException;
        this.regex = regex;
        this.literalSuffix = literalSuffix;
    }

    /// <summary>The cleaned pattern without its leading <c>!</c>.</summary>
    public string Text { get; }

    public bool IsException { get; }

    /// <exception cref="FormatException">The pattern has a syntax error, such as an unclosed class.</exception>
    public static IgnorePattern Create(string text, bool isException)
    {
        var error = IgnorePatternSyntax.FindError(text);
        if (error is not null)
        {
            throw new FormatException($"invalid .dockerignore pattern \"{text}\": {error}");
        }

        // patternmatcher compares a pattern made of "**" followed by literal text with a plain suffix test, so
        // "**foo" also matches "barfoo". The regular expression alone would not, so keep that quirk.
        if (text.StartsWith("**", StringComparison.Ordinal) && !IgnorePatternSyntax.HasSpecialCharacters(text[2..]))
        {
            return new IgnorePattern(text, isException, null, text[2..]);
        }

        var regex = new Regex(ToRegex(text), RegexOptions.CultureInvariant);
        return new IgnorePattern(text, isException, regex, null);
    }

    public bool Matches(string path)
    {
        if (regex is not null)
        {
            return regex.IsMatch(path);
        }

        var suffix = literalSuffix!;
        if (path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return true;
        }

        // "**/foo" also matches "foo" at the context root.
        return suffix.StartsWith('/') && path == suffix[1..];
    }

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (inClass)
            {
                i = AppendClassCharacter(builder, pattern, i, ref inClass);
                continue;
            }

            switch (ch)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i = AppendDoubleStar(builder, pattern, i);
                    break;
                case '*':
                    builder.Append("[^/]*");
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '\\':
                    i++;
                    builder.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[':
                    builder.Append('[');
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        builder.Append('^');
                        i++;
                    }

                    break;
                default:
                    builder.Append(Regex.Escape(ch.ToString()));
                    break;
            }
        }

        return builder.Append(@"\z").ToString();
    }

    // Returns the index of the last pattern character consumed.
    private static int AppendDoubleStar(StringBuilder builder, string pattern, int start)
    {
        var i = start + 1;
        if (i + 1 < pattern.Length && pattern[i + 1] == '/')
        {
            i++;
        }

        builder.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
        return i;
    }

    private static int AppendClassCharacter(StringBuilder builder, string pattern, int i, ref bool inClass)
    {
        var ch = pattern[i];
        if (ch == ']')
        {
            builder.Append(']');
            inClass = false;
            return i;
        }

        if (ch == '-')
        {
            builder.Append('-');
            return i;
        }

        if (ch == '\\')
        {
            i++;
            ch = pattern[i];
        }

        // Letters and digits stay bare because .NET reads "\d" or "\w" as a shorthand class.
        builder.Append(char.IsLetterOrDigit(ch) || ch == '_' ? ch.ToString() : "\\" + ch);
        return i;
    }
}
