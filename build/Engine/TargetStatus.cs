namespace Slipway.Engine;

/// <summary>
/// The state of a target in the execution plan.
/// </summary>
internal enum TargetStatus
{
    Scheduled,
    NotRun,
    Skipped,
    Succeeded,
    Failed,
    Running,
    Aborted,
    Collective,
}
