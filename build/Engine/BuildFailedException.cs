namespace Slipway.Engine;

/// <summary>
/// A failure that the user can act on from its message alone, so the host prints the message without a stack
/// trace. The build exits with code 1.
/// </summary>
public sealed class BuildFailedException(string message) : Exception(message), IUserFacingException;
