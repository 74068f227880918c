namespace Slipway.Engine;

/// <summary>
/// Marks a field or property of the build class as a parameter, set from the command line, the environment or
/// the parameter files in <c>.nuke/</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    /// <summary>Help text shown by <c>--help</c> and written to the schema.</summary>
    public string Description { get; } = description;

    /// <summary>Parameter name used in place of the member name, in PascalCase.</summary>
    public string? Name { get; init; }
}
