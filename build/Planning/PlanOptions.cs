namespace Slipway.Planning;

/// <summary>
/// What the user asked for: images forced by name, all forced, and strict handling of unresolved bases.
/// </summary>
public sealed record PlanOptions(IReadOnlySet<string> ForcedImages, bool ForceAll, bool Strict)
{
    public static PlanOptions Default { get; } = new(new HashSet<string>(), false, false);
}
