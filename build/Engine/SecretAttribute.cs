namespace Slipway.Engine;

/// <summary>
/// Marks a parameter whose value the engine never prints: help marks it as secret, and the engine masks its value
/// in failure messages and summary info.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute
{
}
