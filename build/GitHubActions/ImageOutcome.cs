namespace Slipway.GitHubActions;

/// <summary>The result of one image in a build run, as shown in the job summary.</summary>
/// <param name="Name">The image as <c>name/version</c>.</param>
/// <param name="Status">The outcome, for example <c>Succeeded</c>, <c>Skipped</c> or <c>Failed</c>.
/// <c>Failed</c> (any case) gets an annotation.</param>
/// <param name="Reason">Why the image was built or skipped, or the error message of a failure.</param>
/// <param name="Duration">How long building and pushing took.</param>
/// <param name="Digest">The pushed manifest digest (<c>sha256:</c> and 64 hex digits), or null when nothing
/// was pushed.</param>
/// <param name="Parents">Names of the in-repo parent images.</param>
/// <param name="FailureFile">The repository-relative file where the failure points, usually the Dockerfile.</param>
/// <param name="FailureLine">The 1-based line in <paramref name="FailureFile"/>.</param>
public sealed record ImageOutcome(
    string Name,
    string Status,
    string Reason,
    TimeSpan Duration,
    string? Digest,
    IReadOnlyList<string> Parents,
    string? FailureFile,
    int? FailureLine)
{
    public bool IsFailure => string.Equals(Status, "Failed", StringComparison.OrdinalIgnoreCase);
}
