using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Slipway.Engine;

/// <summary>
/// The fluent builder that a <see cref="Target"/> uses to declare its actions, relations and conditions.
/// </summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string text);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Schedules the given targets and runs them before this one.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    ITargetDefinition DependsOn(params string[] targetNames);

    /// <summary>Makes the given targets depend on this one, so this one is scheduled and runs first.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    ITargetDefinition DependentFor(params string[] targetNames);

    /// <summary>Runs this target before the given ones when both are scheduled; schedules nothing.</summary>
    ITargetDefinition Before(params Target[] targets);

    ITargetDefinition Before(params string[] targetNames);

    /// <summary>Runs this target after the given ones when both are scheduled; schedules nothing.</summary>
    ITargetDefinition After(params Target[] targets);

    ITargetDefinition After(params string[] targetNames);

    /// <summary>Schedules the given targets to run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    ITargetDefinition Triggers(params string[] targetNames);

    /// <summary>Schedules this target to run after any of the given ones.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    ITargetDefinition TriggeredBy(params string[] targetNames);

    /// <summary>
    /// Skips this target, and the dependencies that only it needs, when the condition is false before the run starts.
    /// The reason defaults to the condition's source text.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>Skips this target when the condition is false right before the target would run.</summary>
    ITargetDefinition OnlyWhenDynamic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>
    /// Fails the build before any target runs when this target is scheduled and the member is null, empty or
    /// whitespace, or an empty array.
    /// </summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter);

    /// <summary>Lets the build go on with later targets when this target fails; the build still fails.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs this target even after an earlier target failed or the build was cancelled.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides this target from help and the list of available targets; it can still be invoked.</summary>
    ITargetDefinition Unlisted();
}
