using System.Text;

namespace Slipway.Dockerfiles;

/// <summary>Splitting of instruction arguments into words and flags, keeping quotes for later expansion.</summary>
internal static class DockerfileWords
{
    /// <summary>Splits on whitespace outside quotes. Quotes and escape characters stay in the words.</summary>
    public static List<string> Split(string text, char escape, char separator = ' ')
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var isSeparator = separator == ' ' ? char.IsWhiteSpace(ch) : ch == separator;
            if (quote is null && isSeparator)
            {
                AddWord(words, word, keepEmpty: separator != ' ');
                continue;
            }

            word.Append(ch);
            if (ch == escape && quote != '\'' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else if (ch is '"' or '\'')
            {
                quote = quote is null ? ch : quote == ch ? null : quote;
            }
        }

        AddWord(words, word, keepEmpty: separator != ' ' && words.Count > 0);
        return words;
    }

    /// <summary>
    /// Splits the leading <c>--name=value</c> flags from the rest of the arguments. Returns the flags as
    /// (lower-case name, raw value) pairs in order, so a flag that may repeat, such as <c>--mount</c>, keeps every
    /// value.
    /// </summary>
    public static (List<KeyValuePair<string, string>> Flags, List<string> Words) ExtractFlags(
        string arguments, char escape)
    {
        var words = Split(arguments, escape);
        var flags = new List<KeyValuePair<string, string>>();
        var index = 0;
        for (; index < words.Count && words[index].StartsWith("--", StringComparison.Ordinal); index++)
        {
            if (words[index] == "--")
            {
                index++;
                break;
            }

            var equals = words[index].IndexOf('=');
            var name = equals < 0 ? words[index][2..] : words[index][2..equals];
            var value = equals < 0 ? "" : words[index][(equals + 1)..];
            flags.Add(new(name.ToLowerInvariant(), value));
        }

        return (flags, words[index..]);
    }

    private static void AddWord(List<string> words, StringBuilder word, bool keepEmpty)
    {
        if (word.Length > 0 || keepEmpty)
        {
            words.Add(word.ToString());
        }

        word.Clear();
    }
}
