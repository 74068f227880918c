using System.Linq.Expressions;

namespace Slipway.Engine;

/// <summary>
/// The recorded declaration of one target, filled in by its <see cref="Target"/> delegate.
/// </summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Func<Task>> Actions { get; } = [];
    public List<TargetReference> DependsOnReferences { get; } = [];
    public List<TargetReference> DependentForReferences { get; } = [];
    public List<TargetReference> BeforeReferences { get; } = [];
    public List<TargetReference> AfterReferences { get; } = [];
    public List<TargetReference> TriggersReferences { get; } = [];
    public List<TargetReference> TriggeredByReferences { get; } = [];
    public List<TargetCondition> StaticConditions { get; } = [];
    public List<TargetCondition> DynamicConditions { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public bool ProceedsAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string text) => Apply(() => DescriptionText = text);

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Apply(() => Actions.Add(() =>
        {
            action();
            return Task.CompletedTask;
        }));
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Apply(() => Actions.Add(action));
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnReferences, targets);
    public ITargetDefinition DependsOn(params string[] targetNames) => Add(DependsOnReferences, targetNames);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForReferences, targets);
    public ITargetDefinition DependentFor(params string[] targetNames) => Add(DependentForReferences, targetNames);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeReferences, targets);
    public ITargetDefinition Before(params string[] targetNames) => Add(BeforeReferences, targetNames);
    public ITargetDefinition After(params Target[] targets) => Add(AfterReferences, targets);
    public ITargetDefinition After(params string[] targetNames) => Add(AfterReferences, targetNames);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersReferences, targets);
    public ITargetDefinition Triggers(params string[] targetNames) => Add(TriggersReferences, targetNames);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByReferences, targets);
    public ITargetDefinition TriggeredBy(params string[] targetNames) => Add(TriggeredByReferences, targetNames);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? reason = null) =>
        Apply(() => StaticConditions.Add(new TargetCondition(condition, reason ?? "a static condition is false")));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? reason = null) =>
        Apply(() => DynamicConditions.Add(new TargetCondition(condition, reason ?? "a dynamic condition is false")));

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
    {
        var body = parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert
            ? convert.Operand
            : parameter.Body;
        if (body is not MemberExpression member)
        {
            throw new ArgumentException(
                $"Requires expects a parameter member access such as () => ApiKey, but got {parameter}.",
                nameof(parameter));
        }

        var getValue = parameter.Compile();
        return Apply(() => Requirements.Add(new TargetRequirement(member.Member.Name, () => getValue())));
    }

    public ITargetDefinition ProceedAfterFailure() => Apply(() => ProceedsAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Apply(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Apply(() => IsUnlisted = true);

    private TargetDefinition Add(List<TargetReference> references, Target[] targets) =>
        Apply(() => references.AddRange(TargetReference.From(targets)));

    private TargetDefinition Add(List<TargetReference> references, string[] names) =>
        Apply(() => references.AddRange(TargetReference.From(names)));

    private TargetDefinition Apply(Action change)
    {
        change();
        return this;
    }
}
