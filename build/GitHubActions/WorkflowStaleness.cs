using System.Globalization;
using System.Text;

namespace Slipway.GitHubActions;

/// <summary>
/// Compares the committed workflow file with a freshly generated one, so the CheckWorkflow target can fail with a
/// readable diff.
/// </summary>
public static class WorkflowStaleness
{
    private const int ContextLines = 3;

    /// <summary>
    /// Returns a unified-style line diff (<c>---</c>/<c>+++</c> headers, <c>@@</c> hunks with 3 lines of context) from
    /// <paramref name="expected"/> to <paramref name="actual"/>, or null when they are equal. <c>\r\n</c> counts as
    /// <c>\n</c>, so a checkout with Windows line endings is not reported as stale.
    /// </summary>
    public static string? Diff(string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);

        var expectedText = NormalizeLineEndings(expected);
        var actualText = NormalizeLineEndings(actual);
        if (expectedText == actualText)
        {
            return null;
        }

        var expectedLines = SplitLines(expectedText);
        var actualLines = SplitLines(actualText);
        var edits = LineDiff.Compute(expectedLines, actualLines);

        var builder = new StringBuilder();
        builder.Append("--- expected (generated)\n");
        builder.Append("+++ actual (committed)\n");
        foreach (var hunk in LineDiff.Hunks(edits, ContextLines))
        {
            AppendHunk(builder, hunk);
        }

        return builder.ToString();
    }

    private static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// Splits text into lines. A final line without a newline is marked the way diff marks it, so a missing trailing
    /// newline shows up as a change.
    /// </summary>
    private static List<string> SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n').ToList();
        if (text.EndsWith('\n'))
        {
            lines.RemoveAt(lines.Count - 1);
        }
        else
        {
            lines[^1] += "\n\\ No newline at end of file";
        }

        return lines;
    }

    private static void AppendHunk(StringBuilder builder, IReadOnlyList<LineDiff.Edit> hunk)
    {
        var expectedCount = hunk.Count(edit => edit.Kind != LineDiff.EditKind.Insert);
        var actualCount = hunk.Count(edit => edit.Kind != LineDiff.EditKind.Delete);

        // Unified diff numbers lines from 1, and an empty range by the line before it
        // (so an insert at the top is -0,0).
        var expectedStart = hunk[0].ExpectedIndex + (expectedCount == 0 ? 0 : 1);
        var actualStart = hunk[0].ActualIndex + (actualCount == 0 ? 0 : 1);

        builder.Append(CultureInfo.InvariantCulture,
            $"@@ -{expectedStart},{expectedCount} +{actualStart},{actualCount} @@\n");
        foreach (var edit in hunk)
        {
            var prefix = edit.Kind switch
            {
                LineDiff.EditKind.Delete => '-',
                LineDiff.EditKind.Insert => '+',
                _ => ' ',
            };
            builder.Append(prefix).Append(edit.Text).Append('\n');
        }
    }
}
