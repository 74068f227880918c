using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Descriptions;

/// <summary>A run of markdown source that is either prose or code (a fenced code block or a code span).</summary>
internal readonly record struct MarkdownSegment(string Text, bool IsCode);

/// <summary>
/// Splits markdown into prose and code so that rewrites can skip code. Concatenating the segments returns the input.
/// Recognizes fenced code blocks (``` and ~~~, CommonMark rules for opening and closing) and code spans.
/// NOTE: indented code blocks (4 spaces) count as prose, because telling them apart from list continuations
/// needs a full block parser.
/// </summary>
internal static partial class MarkdownSegments
{
    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}(?=[^`]*$)|~{3,})")]
    private static partial Regex FenceOpening();

    public static List<MarkdownSegment> Split(string markdown)
    {
        var segments = new List<MarkdownSegment>();
        var prose = new StringBuilder();
        string? openFence = null;

        foreach (var line in SplitLines(markdown))
        {
            if (openFence is not null)
            {
                segments.Add(new MarkdownSegment(line, IsCode: true));
                if (ClosesFence(line, openFence))
                    openFence = null;
                continue;
            }

            var opening = FenceOpening().Match(line.TrimEnd('\r', '\n'));
            if (opening.Success)
            {
                FlushProse(prose, segments);
                segments.Add(new MarkdownSegment(line, IsCode: true));
                openFence = opening.Groups["fence"].Value;
                continue;
            }

            prose.Append(line);
            // Code spans cannot cross a blank line, so a paragraph break ends the run searched for them.
            if (line.Trim().Length == 0)
                FlushProse(prose, segments);
        }

        FlushProse(prose, segments);
        return segments;
    }

    /// <summary>Splits text into lines that keep their line endings.</summary>
    public static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            yield return text[start..end];
            start = end;
        }
    }

    private static bool ClosesFence(string line, string openFence)
    {
        var trimmed = line.TrimEnd('\r', '\n', ' ', '\t');
        var indent = trimmed.Length - trimmed.TrimStart(' ').Length;
        var body = trimmed.TrimStart(' ');
        return indent <= 3
            && body.Length >= openFence.Length
            && body.All(c => c == openFence[0]);
    }

    private static void FlushProse(StringBuilder prose, List<MarkdownSegment> segments)
    {
        if (prose.Length == 0)
            return;
        SplitCodeSpans(prose.ToString(), segments);
        prose.Clear();
    }

    /// <summary>
    /// Appends prose and code-span segments. A backtick run opens a code span only when a later run of the same
    /// length closes it, and a backslash before the run makes its first backtick literal.
    /// </summary>
    private static void SplitCodeSpans(string text, List<MarkdownSegment> segments)
    {
        var proseStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var runLength = BacktickRunLength(text, i);
            if (i > 0 && text[i - 1] == '\\')
            {
                i++;
                continue;
            }

            var closing = FindClosingRun(text, i + runLength, runLength);
            if (closing < 0)
            {
                i += runLength;
                continue;
            }

            if (i > proseStart)
                segments.Add(new MarkdownSegment(text[proseStart..i], IsCode: false));
            var end = closing + runLength;
            segments.Add(new MarkdownSegment(text[i..end], IsCode: true));
            proseStart = i = end;
        }

        if (proseStart < text.Length)
            segments.Add(new MarkdownSegment(text[proseStart..], IsCode: false));
    }

    private static int FindClosingRun(string text, int from, int runLength)
    {
        var i = from;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var length = BacktickRunLength(text, i);
            if (length == runLength)
                return i;
            i += length;
        }

        return -1;
    }

    private static int BacktickRunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`')
            end++;
        return end - start;
    }
}
