namespace Slipway.Engine;

/// <summary>
/// Applies the checks that run on the whole plan before any target runs: static conditions, --skip and
/// required parameters.
/// </summary>
internal static class PlanPreparation
{
    /// <summary>
    /// Skips targets whose static condition is false, and then every target that only skipped targets pulled in.
    /// </summary>
    public static void ApplyStaticConditions(IReadOnlyList<ExecutableTarget> plan)
    {
        foreach (var target in plan)
        {
            var failed = target.Definition.StaticConditions.FirstOrDefault(condition => !condition.Evaluate());
            if (failed is not null)
            {
                Skip(target, $"condition false: {failed.Reason}");
            }
        }

        var needed = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(plan.Where(target => target.IsInvoked));
        while (pending.TryPop(out var target))
        {
            if (needed.Add(target) && target.Status != TargetStatus.Skipped)
            {
                foreach (var next in target.Dependencies.Concat(target.Triggers))
                {
                    pending.Push(next);
                }
            }
        }

        foreach (var target in plan.Where(target => !needed.Contains(target)))
        {
            Skip(target, "only needed by skipped targets");
        }
    }

    /// <summary>
    /// Skips the named targets, or every target that was not invoked when no names are given. Invoked targets
    /// are never skipped this way.
    /// </summary>
    public static void ApplySkipOption(
        IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<string>? skip, TargetLookup lookup)
    {
        if (skip is null)
        {
            return;
        }

        var skipped = skip.Count == 0
            ? plan.ToHashSet()
            : skip.Select(lookup.Get).ToHashSet();
        foreach (var target in plan.Where(target => skipped.Contains(target) && !target.IsInvoked))
        {
            Skip(target, "via --skip");
        }
    }

    /// <summary>Throws a usage error naming every missing parameter that a target still to run requires.</summary>
    public static void CheckRequirements(
        IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ParameterMember> parameters)
    {
        var missing = new List<string>();
        foreach (var target in plan.Where(target => target.Status == TargetStatus.Scheduled))
        {
            var unmet = target.Definition.Requirements.Where(requirement => IsMissing(requirement.GetValue()));
            foreach (var requirement in unmet)
            {
                var parameter = parameters.FirstOrDefault(parameter => parameter.Member.Name == requirement.MemberName);
                var option = parameter?.OptionName ?? NameFormat.ToOption(requirement.MemberName);
                missing.Add($"Target '{target.Name}' requires parameter {option}, which is not set.");
            }
        }

        if (missing.Count > 0)
        {
            missing.Add("Pass the value on the command line, in an environment variable or in .nuke/parameters.json.");
            throw new UsageException(string.Join(Environment.NewLine, missing));
        }
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        Array array => array.Length == 0,
        _ => false,
    };

    private static void Skip(ExecutableTarget target, string reason)
    {
        if (target.Status == TargetStatus.Scheduled)
        {
            target.Status = TargetStatus.Skipped;
            target.SkipReason = reason;
        }
    }
}
