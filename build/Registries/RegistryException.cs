namespace Slipway.Registries;

/// <summary>A registry request that failed; the message names the registry, the repository and the fix.</summary>
public sealed class RegistryException(string message, Exception? inner = null)
    : Exception(message, inner), Engine.IUserFacingException;
