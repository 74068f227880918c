namespace Slipway.Engine;

/// <summary>
/// A reference from one target definition to another, either by its <see cref="Target"/> delegate or by name.
/// </summary>
internal readonly record struct TargetReference(Target? Delegate, string? Name)
{
    public static IEnumerable<TargetReference> From(IEnumerable<Target> targets) =>
        targets.Select(target => new TargetReference(target, null));

    public static IEnumerable<TargetReference> From(IEnumerable<string> names) =>
        names.Select(name => new TargetReference(null, name));
}

/// <summary>
/// A condition declared with OnlyWhenStatic or OnlyWhenDynamic, and the reason shown when it is false.
/// </summary>
internal sealed record TargetCondition(Func<bool> Evaluate, string Reason);

/// <summary>
/// A member that a target requires, declared with Requires.
/// </summary>
internal sealed record TargetRequirement(string MemberName, Func<object?> GetValue);
