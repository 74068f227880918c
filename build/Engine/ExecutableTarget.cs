namespace Slipway.Engine;

/// <summary>
/// A discovered target with its relations resolved to other targets and its run state.
/// </summary>
internal sealed class ExecutableTarget(string name, Target factory, TargetDefinition definition)
{
    public string Name { get; } = name;
    public Target Factory { get; } = factory;
    public TargetDefinition Definition { get; } = definition;

    /// <summary>Targets that are scheduled with this one and run before it.</summary>
    public List<ExecutableTarget> Dependencies { get; } = [];

    /// <summary>Targets that run before this one when both are scheduled.</summary>
    public List<ExecutableTarget> OrderedAfter { get; } = [];

    /// <summary>Targets that are scheduled with this one and run after it.</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public bool IsCollective => Definition.Actions.Count == 0;
    public bool IsInvoked { get; set; }
    public TargetStatus Status { get; set; } = TargetStatus.Scheduled;
    public TimeSpan Duration { get; set; }

    /// <summary>Text for the info column of the summary, set by ReportSummary.</summary>
    public string? Info { get; set; }

    /// <summary>
    /// Whether the target failed with a <see cref="UsageException"/>, so the run exits with the usage code.
    /// </summary>
    public bool FailedOnUsage { get; set; }

    /// <summary>Why the target was skipped or not run, shown in the summary when no info is set.</summary>
    public string? SkipReason { get; set; }

    public override string ToString() => Name;
}
