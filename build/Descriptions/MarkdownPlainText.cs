using System.Text.RegularExpressions;

namespace Slipway.Descriptions;

/// <summary>Converts one paragraph of inline markdown to plain text.</summary>
internal static partial class MarkdownPlainText
{
    [GeneratedRegex(@"!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])?")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\](\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(`+)(?<code>.+?)\1")]
    private static partial Regex CodeSpan();

    // Emphasis and strikethrough delimiters. Underscores count only at word edges, so snake_case names survive.
    [GeneratedRegex(@"(\*{1,3}|~~)(?=\S)(?<inner>.+?)(?<=\S)\1|(?<![\w])(_{1,3})(?=\S)(?<inner>.+?)(?<=\S)\2(?![\w])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\(?<char>[!-/:-@\[-`{-~])")]
    private static partial Regex BackslashEscape();

    public static string Strip(string markdown)
    {
        var text = Image().Replace(markdown, "");
        text = Link().Replace(text, "${text}");
        text = Autolink().Replace(text, "${url}");
        text = HtmlTag().Replace(text, "");
        text = CodeSpan().Replace(text, "${code}");
        text = Emphasis().Replace(text, "${inner}");
        text = BackslashEscape().Replace(text, "${char}");
        return OciDescription.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(text));
    }
}
