using System.Globalization;
using System.Text;

namespace Slipway.GitHubActions;

/// <summary>
/// The Markdown job summary and the error annotations of a build run on GitHub Actions.
/// </summary>
public static class JobSummary
{
    /// <summary>The number of hex digits of a digest shown in the summary, as <c>docker images</c> shows ids.</summary>
    public const int ShortDigestLength = 12;

    /// <summary>
    /// Renders a table of the outcomes in the given order, then a Mermaid graph with one node per image (parents that
    /// are not in the outcomes too) and an edge from each parent to its child. Failed images are styled red.
    /// </summary>
    public static string Render(IReadOnlyList<ImageOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var builder = new StringBuilder();
        builder.Append("## Images\n\n");

        if (outcomes.Count == 0)
        {
            builder.Append("No image needed building.\n");
            return builder.ToString();
        }

        AppendTable(builder, outcomes);
        builder.Append('\n');
        AppendGraph(builder, outcomes);
        return builder.ToString();
    }

    /// <summary>
    /// Formats one <c>::error</c> workflow command per failed image, pointing at <see cref="ImageOutcome.FailureFile"/>
    /// and <see cref="ImageOutcome.FailureLine"/> when they are known.
    /// </summary>
    public static IReadOnlyList<string> Annotations(IReadOnlyList<ImageOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes
            .Where(outcome => outcome.IsFailure)
            .Select(outcome => WorkflowCommands.Format(
                "error",
                [
                    ("file", outcome.FailureFile),
                    ("line", outcome.FailureLine?.ToString(CultureInfo.InvariantCulture)),
                    ("title", $"Building {outcome.Name} failed"),
                ],
                outcome.Reason))
            .ToList();
    }

    /// <summary>
    /// Appends Markdown to the job summary file, whose path GitHub Actions passes in <c>GITHUB_STEP_SUMMARY</c>,
    /// creating the file when it is missing.
    /// </summary>
    public static void Append(string path, string markdown)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        File.AppendAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Shortens <c>sha256:&lt;64 hex&gt;</c> to <c>sha256:</c> and the first 12 hex digits.</summary>
    public static string ShortenDigest(string digest)
    {
        var separator = digest.IndexOf(':', StringComparison.Ordinal);
        var hex = digest[(separator + 1)..];
        return hex.Length <= ShortDigestLength ? digest : digest[..(separator + 1 + ShortDigestLength)];
    }

    /// <summary>Formats a duration as NUKE's summary does: <c>m:ss</c>, or <c>&lt; 1sec</c> below one second.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return "< 1sec";
        }

        var minutes = (int)duration.TotalMinutes;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes}:{duration.Seconds:00}");
    }

    private static void AppendTable(StringBuilder builder, IReadOnlyList<ImageOutcome> outcomes)
    {
        builder.Append("| Image | Status | Reason | Duration | Digest |\n");
        builder.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var outcome in outcomes)
        {
            var digest = outcome.Digest is null ? "" : $"`{ShortenDigest(outcome.Digest)}`";
            builder.Append("| `").Append(outcome.Name).Append("` | ")
                .Append(EscapeCell(outcome.Status)).Append(" | ")
                .Append(EscapeCell(outcome.Reason)).Append(" | ")
                .Append(EscapeCell(FormatDuration(outcome.Duration))).Append(" | ")
                .Append(digest).Append(" |\n");
        }
    }

    private static void AppendGraph(StringBuilder builder, IReadOnlyList<ImageOutcome> outcomes)
    {
        // Node ids are positional (image1, image2, ...) because image names contain '/' and '.', which Mermaid ids
        // do not allow. Parents outside the outcomes get ids after the outcomes, in ordinal order.
        var names = outcomes.Select(outcome => outcome.Name).ToList();
        var external = outcomes
            .SelectMany(outcome => outcome.Parents)
            .Where(parent => !names.Contains(parent, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        names.AddRange(external);
        var idOf = names
            .Select((name, index) => (name, id: $"image{index + 1}"))
            .ToDictionary(pair => pair.name, pair => pair.id, StringComparer.Ordinal);

        builder.Append("```mermaid\ngraph TD\n");
        foreach (var name in names)
        {
            builder.Append("  ").Append(idOf[name]).Append("[\"").Append(EscapeLabel(name)).Append("\"]\n");
        }

        foreach (var outcome in outcomes)
        {
            foreach (var parent in outcome.Parents)
            {
                builder.Append("  ").Append(idOf[parent]).Append(" --> ").Append(idOf[outcome.Name]).Append('\n');
            }
        }

        var failed = outcomes.Where(outcome => outcome.IsFailure).Select(outcome => idOf[outcome.Name]).ToList();
        if (failed.Count > 0)
        {
            builder.Append("  classDef failed fill:#f8d7da,stroke:#d1242f\n");
            builder.Append("  class ").Append(string.Join(',', failed)).Append(" failed\n");
        }

        builder.Append("```\n");
    }

    /// <summary>
    /// Keeps a value inside one Markdown table cell: a pipe would end the cell and a line break the row.
    /// </summary>
    private static string EscapeCell(string value) => value
        .Replace("\r\n", " ", StringComparison.Ordinal)
        .Replace('\n', ' ')
        .Replace('\r', ' ')
        .Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Escapes a quoted Mermaid label, where <c>"</c> must be written as the entity <c>#quot;</c>.</summary>
    private static string EscapeLabel(string value) => value.Replace("\"", "#quot;", StringComparison.Ordinal);
}
