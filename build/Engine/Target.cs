namespace Slipway.Engine;

/// <summary>
/// A target declaration: a build class property of this type is a target named after the property.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);

/// <summary>
/// A target created at run time by <see cref="BuildHost"/> subclasses, for example one per image.
/// </summary>
public sealed record DynamicTarget(string Name, Target Definition);
