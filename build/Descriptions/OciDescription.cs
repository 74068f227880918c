using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Descriptions;

/// <summary>
/// Plain-text value for the <c>org.opencontainers.image.description</c> annotation and label.
/// </summary>
public static partial class OciDescription
{
    /// <summary>Maximum length of the description in UTF-16 characters.</summary>
    public const int MaxLength = 512;

    [GeneratedRegex(@"^ {0,3}(#{1,6}(\s|$)|=+\s*$|-+\s*$|(\*\s*){3,}$|(_\s*){3,}$|\|)")]
    private static partial Regex NonParagraphLine();

    [GeneratedRegex(@"^(\s*(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?|\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]|<[^>]+>))+\s*$")]
    private static partial Regex ImagesOrTagsOnlyLine();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:")]
    private static partial Regex ReferenceDefinitionLine();

    /// <summary>
    /// Returns <paramref name="shortDescription"/> when it is set, else the first paragraph of the README, as plain
    /// text of at most <see cref="MaxLength"/> characters. Headings, lines of only images or badges, HTML comments,
    /// tables, rules and code blocks are skipped. Markdown links become their text and emphasis marks are removed.
    /// Returns an empty string when the README has no paragraph.
    /// </summary>
    public static string From(string? shortDescription, string readmeMarkdown)
    {
        var text = string.IsNullOrWhiteSpace(shortDescription)
            ? MarkdownPlainText.Strip(FirstParagraph(readmeMarkdown ?? ""))
            : CollapseWhitespace(shortDescription);
        return Truncate(text, MaxLength);
    }

    private static string FirstParagraph(string markdown)
    {
        var withoutComments = HtmlComment().Replace(markdown, "");
        var paragraph = new List<string>();
        var inFence = false;
        foreach (var rawLine in MarkdownSegments.SplitLines(withoutComments))
        {
            var line = rawLine.TrimEnd('\r', '\n');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal)
                || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                if (paragraph.Count > 0)
                    break;
                continue;
            }

            if (inFence)
                continue;

            var skip = trimmed.Length == 0
                || NonParagraphLine().IsMatch(line)
                || ImagesOrTagsOnlyLine().IsMatch(line)
                || ReferenceDefinitionLine().IsMatch(line);
            if (!skip)
            {
                paragraph.Add(trimmed.TrimStart('>', ' '));
                continue;
            }

            // A "===" or "---" line under text makes that text a setext heading, not a paragraph.
            if (paragraph.Count > 0 && trimmed.Length > 0 && (trimmed.All(c => c == '=') || trimmed.All(c => c == '-')))
            {
                paragraph.Clear();
                continue;
            }

            if (paragraph.Count > 0)
                break;
        }

        return string.Join(' ', paragraph);
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    internal static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Truncates at a text-element boundary, preferring the last space, and ends the text with "…".</summary>
    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;

        var cut = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + enumerator.GetTextElement().Length;
            if (next > maxLength - 1)
                break;
            cut = next;
        }

        var kept = text[..cut];
        var lastSpace = kept.LastIndexOf(' ');
        if (lastSpace > maxLength / 2)
            kept = kept[..lastSpace];
        return kept.TrimEnd() + "…";
    }
}
