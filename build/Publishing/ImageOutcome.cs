namespace Slipway.Publishing;

/// <summary>What happened to an image in a run.</summary>
public enum OutcomeStatus
{
    UpToDate,
    Built,
    Pushed,
    Failed,
    Skipped,
}

/// <summary>
/// The result of one image: status, the reason in words, duration, the pushed digest and the file at fault.
/// </summary>
public sealed record ImageOutcome(
    string Id,
    OutcomeStatus Status,
    string Reason,
    TimeSpan Duration,
    string? Digest = null,
    string? FailureFile = null);
