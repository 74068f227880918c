namespace Slipway.Engine;

/// <summary>
/// All targets of a build, found by name (ignoring case and dashes) or by their <see cref="Target"/> delegate.
/// </summary>
internal sealed class TargetLookup
{
    private readonly Dictionary<string, ExecutableTarget> _byName = [];

    public TargetLookup(IReadOnlyList<ExecutableTarget> targets)
    {
        All = targets;
        foreach (var target in targets)
        {
            if (!_byName.TryAdd(NameFormat.NormalizeOption(target.Name), target))
            {
                throw new BuildFailedException(
                    $"Two targets are named '{target.Name}'. Target names ignore case and dashes.");
            }
        }
    }

    /// <summary>Targets in declaration order, then dynamic targets in the order they were created.</summary>
    public IReadOnlyList<ExecutableTarget> All { get; }

    public IEnumerable<ExecutableTarget> Listed => All.Where(target => !target.Definition.IsUnlisted);

    public ExecutableTarget? Find(string name) => _byName.GetValueOrDefault(NameFormat.NormalizeOption(name));

    /// <summary>Finds a target by name, or throws a usage error that lists the available targets.</summary>
    public ExecutableTarget Get(string name) =>
        Find(name) ?? throw new UsageException(
            $"Target '{name}' not found. Available targets: {string.Join(", ", Listed.Select(t => t.Name))}.");

    public IEnumerable<ExecutableTarget> Resolve(
        ExecutableTarget owner, IEnumerable<TargetReference> references, string relation) =>
        references.Select(reference => Resolve(owner, reference, relation));

    private ExecutableTarget Resolve(ExecutableTarget owner, TargetReference reference, string relation)
    {
        if (reference.Name is { } name)
        {
            return Find(name) ?? throw new BuildFailedException(
                $"Target '{owner.Name}' refers to unknown target '{name}' in {relation}.");
        }

        // Delegates from a property getter are new instances each time but compare equal by method and target.
        var matches = All.Where(target => target.Factory.Equals(reference.Delegate)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new BuildFailedException(
                $"Target '{owner.Name}' refers in {relation} to a target that is neither a Target property of the " +
                "build class nor a dynamic target."),
            _ => throw new BuildFailedException(
                $"Target '{owner.Name}' refers in {relation} to a delegate shared by targets " +
                $"{string.Join(", ", matches.Select(t => t.Name))}; refer to one of them by name."),
        };
    }
}
