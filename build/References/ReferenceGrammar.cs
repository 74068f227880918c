using System.Text.RegularExpressions;

namespace Slipway.References;

/// <summary>
/// The regular expressions of Docker's image reference grammar, as defined by distribution/reference (v0.5 and
/// later). Each expression is anchored and matches one whole part of a reference.
/// </summary>
internal static partial class ReferenceGrammar
{
    public const int MaxNameLength = 255;

    /// <summary>Lower-case alphanumeric runs joined by one '.' or '_', two '_', or any number of '-'.</summary>
    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$")]
    public static partial Regex PathComponent();

    /// <summary>A host name, IPv4 address or bracketed IPv6 address, with an optional port.</summary>
    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
        + @"(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
        + @"|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$")]
    public static partial Regex Domain();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    public static partial Regex Tag();

    /// <summary>An algorithm such as sha256 or multihash+base58, a colon, and at least 32 hex digits.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$")]
    public static partial Regex Digest();

    /// <summary>
    /// Returns why a digest that matches <see cref="Digest"/> is still invalid, or null when it is valid. Docker
    /// (opencontainers/go-digest) accepts only sha256, sha384 and sha512 with lower-case hex of the full length.
    /// </summary>
    public static string? ValidateDigestAlgorithm(string digest)
    {
        var colon = digest.IndexOf(':');
        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        int? expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => null,
        };
        if (expectedLength is null)
        {
            return $"unsupported digest algorithm \"{algorithm}\"";
        }

        if (hex.Length != expectedLength || hex.Any(char.IsAsciiLetterUpper))
        {
            return $"a {algorithm} digest needs {expectedLength} lower-case hex digits";
        }

        return null;
    }
}
