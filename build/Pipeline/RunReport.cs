using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Publishing;

namespace Slipway.Pipeline;

/// <summary>The per-image summary of a run: a table for the log and a JSON file for programs.</summary>
public static class RunReport
{
    public const string FileName = "slipway-report.json";

    public static string ToTable(IReadOnlyList<ImageOutcome> outcomes)
    {
        var idWidth = Math.Max(5, outcomes.Select(o => o.Id.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine($"{"Image".PadRight(idWidth)}  {"Status",-10}  {"Duration",8}  {"Digest",-19}  Reason");
        foreach (var outcome in outcomes)
        {
            var digest = outcome.Digest is null ? "" : Publisher.Shorten(outcome.Digest);
            text.AppendLine($"{outcome.Id.PadRight(idWidth)}  {Status(outcome.Status),-10}  " +
                            $"{FormatDuration(outcome.Duration),8}  {digest,-19}  {outcome.Reason}");
        }

        return text.ToString();
    }

    public static string Write(IReadOnlyList<ImageOutcome> outcomes, string temporaryDirectory)
    {
        Directory.CreateDirectory(temporaryDirectory);
        var path = Path.Combine(temporaryDirectory, FileName);
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(new { images = outcomes }, options));
        return path;
    }

    public static string Status(OutcomeStatus status) => status switch
    {
        OutcomeStatus.UpToDate => "up to date",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1sec" : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";
}
