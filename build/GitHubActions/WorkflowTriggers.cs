namespace Slipway.GitHubActions;

/// <summary>
/// The events that start a workflow. Pushes to <see cref="PushBranches"/> and <see cref="PushTags"/>, manual runs
/// and scheduled runs push images. Pull requests only build them.
/// </summary>
public sealed record WorkflowTriggers
{
    /// <summary>Branches whose pushes build and push changed images, usually only the default branch.</summary>
    public IReadOnlyList<string> PushBranches { get; init; } = ["main"];

    /// <summary>Tag patterns (GitHub filter syntax, for example <c>v*</c>) whose pushes also build and push.</summary>
    public IReadOnlyList<string> PushTags { get; init; } = [];

    /// <summary>
    /// Target branches of pull requests that are built without pushing. Empty means no pull_request trigger.
    /// </summary>
    public IReadOnlyList<string> PullRequestBranches { get; init; } = ["main"];

    /// <summary>
    /// Whether the workflow can be started by hand, with an <c>images</c> input naming images to rebuild.
    /// </summary>
    public bool WorkflowDispatch { get; init; } = true;

    /// <summary>
    /// A POSIX cron expression in UTC (five fields, for example <c>0 4 * * 1</c>) for scheduled rebuilds, which pick
    /// up new base images. Null means no schedule.
    /// </summary>
    public string? Schedule { get; init; }
}
