using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Descriptions;

/// <summary>
/// Rewrites relative links and images in a README to absolute URLs on the repository host, so that they still work
/// when the README is shown on a registry page. URLs follow GitHub's layout: links go to
/// <c>{repositoryWebUrl}/blob/{commit}/{path}</c> and images to <c>{repositoryWebUrl}/raw/{commit}/{path}</c>.
/// </summary>
public static partial class ReadmeLinks
{
    // Inline link or image. The text may contain one level of brackets, as in the badge [![alt](img)](link).
    [GeneratedRegex("""
        (?<bang>!?)\[(?<text>(?:[^\[\]\n]|\[[^\[\]\n]*\](?:\([^()\s]*\))?)*)\]
        \((?<space>[ \t]*)(?<dest><[^<>\n]*>|[^\s()<>]+)
        (?<title>(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*)\)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^(?<lead> {0,3}\[(?<label>[^\]\n]+)\]:[ \t]*)(?<dest><[^<>\n]*>|[^\s<>]+)",
        RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    // Image references: full ![alt][label], collapsed ![label][] and shortcut ![label].
    [GeneratedRegex(@"!\[(?<alt>[^\[\]\n]*)\](?:\[(?<label>[^\[\]\n]*)\])?(?!\()")]
    private static partial Regex ImageReference();

    [GeneratedRegex("""<(?<tag>img|a)\b[^>]*?\b(?<attr>src|href)\s*=\s*(?<quote>["'])(?<url>[^"'<>]*)\k<quote>""",
        RegexOptions.IgnoreCase)]
    private static partial Regex HtmlUrlAttribute();

    /// <summary>
    /// Returns <paramref name="markdown"/> with relative URLs made absolute. Handles inline links and images,
    /// reference definitions, and <c>src</c> of <c>&lt;img&gt;</c> and <c>href</c> of <c>&lt;a&gt;</c>.
    /// </summary>
    /// <param name="markdown">README text.</param>
    /// <param name="readmeDirectory">Repository-relative folder of the README, such as <c>images/web/1.0</c>,
    /// or an empty string for the repository root. Relative paths resolve against it.</param>
    /// <param name="repositoryWebUrl">Web URL of the repository, such as <c>https://github.com/owner/repo</c>.</param>
    /// <param name="commit">Commit (or other Git reference) that the URLs point at.</param>
    public static string Rewrite(string markdown, string readmeDirectory, string repositoryWebUrl, string commit)
    {
        var resolver = new RepositoryUrlResolver(readmeDirectory, repositoryWebUrl, commit);
        var segments = MarkdownSegments.Split(markdown);
        var imageLabels = CollectImageLabels(segments);

        var output = new StringBuilder(markdown.Length + 256);
        foreach (var segment in segments)
            output.Append(segment.IsCode ? segment.Text : RewriteProse(segment.Text, resolver, imageLabels));
        return output.ToString();
    }

    private static string RewriteProse(string prose, RepositoryUrlResolver resolver, HashSet<string> imageLabels)
    {
        var result = RewriteInlineLinks(prose, resolver);
        result = ReferenceDefinition().Replace(result, match =>
        {
            var isImage = imageLabels.Contains(NormalizeLabel(match.Groups["label"].Value));
            return match.Groups["lead"].Value + ResolveDestination(match.Groups["dest"].Value, isImage, resolver);
        });
        return HtmlUrlAttribute().Replace(result, match =>
        {
            var url = match.Groups["url"];
            var isImage = match.Groups["tag"].Value.Equals("img", StringComparison.OrdinalIgnoreCase);
            var start = url.Index - match.Index;
            return match.Value[..start] + resolver.Resolve(url.Value, isImage) + match.Value[(start + url.Length)..];
        });
    }

    private static string RewriteInlineLinks(string text, RepositoryUrlResolver resolver) =>
        InlineLink().Replace(text, match =>
        {
            var bang = match.Groups["bang"].Value;
            // The text of a badge link contains the image, which needs its own rewrite.
            var linkText = RewriteInlineLinks(match.Groups["text"].Value, resolver);
            var destination = ResolveDestination(match.Groups["dest"].Value, isImage: bang == "!", resolver);
            return $"{bang}[{linkText}]({match.Groups["space"].Value}{destination}{match.Groups["title"].Value})";
        });

    private static string ResolveDestination(string destination, bool isImage, RepositoryUrlResolver resolver)
    {
        if (destination.StartsWith('<') && destination.EndsWith('>'))
            return "<" + resolver.Resolve(destination[1..^1], isImage) + ">";
        return resolver.Resolve(destination, isImage);
    }

    private static HashSet<string> CollectImageLabels(List<MarkdownSegment> segments)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in segments.Where(s => !s.IsCode))
        {
            foreach (Match match in ImageReference().Matches(segment.Text))
            {
                var label = match.Groups["label"].Success && match.Groups["label"].Length > 0
                    ? match.Groups["label"].Value
                    : match.Groups["alt"].Value;
                labels.Add(NormalizeLabel(label));
            }
        }

        return labels;
    }

    /// <summary>Normalizes a reference label as CommonMark matches labels: case-folded, whitespace collapsed.</summary>
    private static string NormalizeLabel(string label) =>
        string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
