namespace Slipway.Registries;

/// <summary>
/// A user name and password or token for one registry. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed record RegistryCredentials(string Username, string Secret)
{
    public override string ToString() => $"{Username} (secret hidden)";
}
