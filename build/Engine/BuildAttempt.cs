using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Engine;

/// <summary>
/// The record of the previous run in <c>.nuke/temp/build-attempt.json</c>, which --continue uses to rerun only
/// the targets that did not succeed. The invocation is stored as a SHA-256 hash, so secrets in the arguments
/// are not written to disk.
/// </summary>
internal sealed class BuildAttempt
{
    private const string FileName = "build-attempt.json";
    private const string PreviousSuccessReason = "succeeded in the previous attempt";

    public required string Invocation { get; init; }
    public required List<string> SucceededTargets { get; init; }

    /// <summary>Hashes the arguments without --continue, so a continued run matches the run it continues.</summary>
    public static string HashInvocation(IEnumerable<string> args)
    {
        var kept = args.Where(arg => !arg.StartsWith('-') || NameFormat.NormalizeOption(arg) != "continue");
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', kept)));
        return Convert.ToHexString(bytes);
    }

    public static BuildAttempt? Read(string temporaryDirectory)
    {
        var path = Path.Combine(temporaryDirectory, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BuildAttempt>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string temporaryDirectory) =>
        File.WriteAllText(Path.Combine(temporaryDirectory, FileName), JsonSerializer.Serialize(this));

    /// <summary>
    /// Skips the planned targets that succeeded in the previous attempt. Returns false when the previous attempt
    /// had different arguments or there was none, and then skips nothing.
    /// </summary>
    public static bool SkipSucceeded(
        string temporaryDirectory, string invocation, IEnumerable<ExecutableTarget> plan)
    {
        var previous = Read(temporaryDirectory);
        if (previous is null || previous.Invocation != invocation)
        {
            return false;
        }

        var succeeded = previous.SucceededTargets.ToHashSet(StringComparer.Ordinal);
        foreach (var target in plan.Where(target => target.Status == TargetStatus.Scheduled))
        {
            if (succeeded.Contains(target.Name))
            {
                target.Status = TargetStatus.Skipped;
                target.SkipReason = PreviousSuccessReason;
            }
        }

        return true;
    }

    /// <summary>Records the targets that succeeded in this run or in the attempt that it continued.</summary>
    public static void Save(string temporaryDirectory, string invocation, IEnumerable<ExecutableTarget> plan)
    {
        var succeeded = plan
            .Where(target => target.Status == TargetStatus.Succeeded ||
                             target.SkipReason == PreviousSuccessReason)
            .Select(target => target.Name)
            .ToList();
        new BuildAttempt { Invocation = invocation, SucceededTargets = succeeded }.Write(temporaryDirectory);
    }
}
