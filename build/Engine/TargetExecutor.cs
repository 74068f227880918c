using System.Diagnostics;
using Serilog;

namespace Slipway.Engine;

/// <summary>
/// Runs the planned targets one at a time and records each target's status and duration.
/// </summary>
internal sealed class TargetExecutor(
    ILogger logger,
    OutputBlock block,
    SecretMasker masker,
    Verbosity verbosity,
    CancellationToken cancellation)
{
    private static readonly AsyncLocal<ExecutableTarget?> RunningTarget = new();

    /// <summary>The target whose actions run on the current async flow, or null outside target actions.</summary>
    public static ExecutableTarget? Current => RunningTarget.Value;

    public void Run(IReadOnlyList<ExecutableTarget> plan)
    {
        var stopped = false;
        foreach (var target in plan.Where(target => target.Status == TargetStatus.Scheduled))
        {
            var assured = target.Definition.IsAssuredAfterFailure;
            if (cancellation.IsCancellationRequested && !assured)
            {
                target.Status = TargetStatus.Aborted;
                target.SkipReason = "the build was cancelled";
            }
            else if (stopped && !assured)
            {
                target.Status = TargetStatus.NotRun;
                target.SkipReason = "an earlier target failed";
            }
            else if (!assured && target.Dependencies.Any(HasNotSucceeded))
            {
                target.Status = TargetStatus.NotRun;
                target.SkipReason = "a dependency did not succeed";
            }
            else
            {
                RunWithConditions(target);
                stopped |= target.Status == TargetStatus.Failed && !target.Definition.ProceedsAfterFailure;
            }
        }
    }

    private static bool HasNotSucceeded(ExecutableTarget dependency) =>
        dependency.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted;

    private void RunWithConditions(ExecutableTarget target)
    {
        try
        {
            var failed = target.Definition.DynamicConditions.FirstOrDefault(condition => !condition.Evaluate());
            if (failed is not null)
            {
                target.Status = TargetStatus.Skipped;
                target.SkipReason = $"condition false: {failed.Reason}";
                logger.Information("Skipping {Target} because {Reason} is false", target.Name, failed.Reason);
                return;
            }
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            LogFailure(target, exception);
            return;
        }

        if (target.IsCollective)
        {
            target.Status = TargetStatus.Collective;
            return;
        }

        RunActions(target);
    }

    private void RunActions(ExecutableTarget target)
    {
        block.Open(target.Name);
        target.Status = TargetStatus.Running;
        RunningTarget.Value = target;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            foreach (var action in target.Definition.Actions)
            {
                action().GetAwaiter().GetResult();
            }

            target.Status = TargetStatus.Succeeded;
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            LogFailure(target, exception);
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            RunningTarget.Value = null;
            block.Close();
        }
    }

    private void LogFailure(ExecutableTarget target, Exception exception)
    {
        target.FailedOnUsage = exception is UsageException;
        var details = exception switch
        {
            IUserFacingException or UsageException => exception.Message,
            _ when verbosity == Verbosity.Verbose => exception.ToString(),
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        logger.Error("Target {Target} failed: {Details}", target.Name, masker.Apply(details));
    }
}
