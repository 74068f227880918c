using System.Globalization;

namespace Slipway.Engine;

/// <summary>
/// Writes the table of target results and the outcome line at the end of a run.
/// </summary>
internal static class SummaryWriter
{
    private const string Gap = "   ";

    public static void Write(
        TextWriter output, IReadOnlyList<ExecutableTarget> plan, bool succeeded, SecretMasker masker)
    {
        var rows = plan.Where(target => target.Status != TargetStatus.Collective)
            .Select(target => new[]
            {
                target.Name, target.Status.ToString(), HasRun(target) ? FormatDuration(target.Duration) : "",
                masker.Apply(target.Info ?? target.SkipReason ?? ""),
            })
            .ToList();
        var total = TimeSpan.FromTicks(plan.Sum(target => target.Duration.Ticks));
        var header = new[] { "Target", "Status", "Duration", "Info" };
        var footer = new[] { "Total", "", FormatDuration(total), "" };
        var all = rows.Append(header).Append(footer).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => all.Max(row => row[column].Length)).ToArray();
        var ruleWidth = widths.Sum() + Gap.Length * (widths.Length - 1);

        output.WriteLine();
        output.WriteLine(new string('═', ruleWidth));
        WriteRow(output, header, widths);
        output.WriteLine(new string('─', ruleWidth));
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }

        output.WriteLine(new string('─', ruleWidth));
        WriteRow(output, footer, widths);
        output.WriteLine(new string('═', ruleWidth));
        output.WriteLine();

        var date = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        output.WriteLine(succeeded ? $"Build succeeded on {date}." : $"Build failed on {date}.");
    }

    /// <summary>Formats a duration as m:ss, or as "&lt; 1sec" below one second.</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? "< 1sec"
            : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";

    private static bool HasRun(ExecutableTarget target) =>
        target.Status is TargetStatus.Succeeded or TargetStatus.Failed;

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, column) => cell.PadRight(widths[column]));
        output.WriteLine(string.Join(Gap, padded).TrimEnd());
    }
}
