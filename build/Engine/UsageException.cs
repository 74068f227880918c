namespace Slipway.Engine;

/// <summary>
/// An invalid invocation, such as an unknown option or target or an invalid parameter value. The build exits with
/// code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
