namespace Slipway.Engine;

/// <summary>
/// Orders the invoked targets, their dependencies and the targets they trigger into one sequence.
/// </summary>
internal static class ExecutionPlanner
{
    /// <summary>
    /// Returns the scheduled targets in run order. Dependencies run first, triggered targets right after their
    /// trigger, and Before/After order targets only when both are scheduled. Throws when the order has a cycle.
    /// </summary>
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> invoked)
    {
        var scheduled = CollectScheduled(invoked);
        var order = new List<ExecutableTarget>();
        var done = new HashSet<ExecutableTarget>();
        var path = new List<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            if (done.Contains(target))
            {
                return;
            }

            var index = path.IndexOf(target);
            if (index >= 0)
            {
                var cycle = path.Skip(index).Append(target).Select(item => item.Name);
                throw new BuildFailedException($"The targets form a cycle: {string.Join(" -> ", cycle)}.");
            }

            path.Add(target);
            foreach (var predecessor in Predecessors(target, scheduled))
            {
                Visit(predecessor);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(target);
            order.Add(target);
            foreach (var triggered in target.Triggers)
            {
                Visit(triggered);
            }
        }

        foreach (var target in invoked)
        {
            Visit(target);
        }

        return order;
    }

    /// <summary>Collects the invoked targets and everything they pull in through dependencies and triggers.</summary>
    private static HashSet<ExecutableTarget> CollectScheduled(IEnumerable<ExecutableTarget> invoked)
    {
        var scheduled = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked);
        while (pending.TryPop(out var target))
        {
            if (scheduled.Add(target))
            {
                foreach (var next in target.Dependencies.Concat(target.Triggers))
                {
                    pending.Push(next);
                }
            }
        }

        return scheduled;
    }

    private static IEnumerable<ExecutableTarget> Predecessors(
        ExecutableTarget target, HashSet<ExecutableTarget> scheduled)
    {
        var triggers = scheduled.Where(other => other.Triggers.Contains(target)).OrderBy(other => other.Name);
        var ordered = target.OrderedAfter.Where(scheduled.Contains);
        return target.Dependencies.Concat(ordered).Concat(triggers);
    }
}
