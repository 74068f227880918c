namespace Slipway.References;

/// <summary>Splits and validates a reference the way Docker's <c>ParseNormalizedNamed</c> does.</summary>
internal static class ImageReferenceParser
{
    /// <summary>Returns the reason the text is invalid, or null when it is valid.</summary>
    public static string? Parse(string text, out string domain, out string path, out string? tag, out string? digest)
    {
        domain = "";
        path = "";
        tag = null;
        digest = null;
        if (text.Length == 0)
        {
            return "repository name must have at least one component";
        }

        var name = text;
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            digest = name[(at + 1)..];
            name = name[..at];
            var digestError = ValidateDigest(digest);
            if (digestError is not null)
            {
                return digestError;
            }
        }

        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
            if (!ReferenceGrammar.Tag().IsMatch(tag))
            {
                return $"tag \"{tag}\" is invalid: it must match [A-Za-z0-9_][A-Za-z0-9_.-]{{0,127}}";
            }
        }

        SplitDomain(name, out domain, out path);
        var nameError = ValidateName(domain, path);
        if (nameError is not null)
        {
            return nameError;
        }

        return name.Length > ReferenceGrammar.MaxNameLength
            ? $"repository name must not be more than {ReferenceGrammar.MaxNameLength} characters"
            : null;
    }

    private static void SplitDomain(string name, out string domain, out string path)
    {
        var slash = name.IndexOf('/');
        var first = slash < 0 ? "" : name[..slash];
        var isDomain = slash >= 0
            && (first.AsSpan().IndexOfAny('.', ':') >= 0 || first == "localhost" || first.ToLowerInvariant() != first);
        domain = isDomain ? first : "";
        path = isDomain ? name[(slash + 1)..] : name;
    }

    private static string? ValidateName(string domain, string path)
    {
        if (domain.Length > 0 && !ReferenceGrammar.Domain().IsMatch(domain))
        {
            return $"registry domain \"{domain}\" is invalid";
        }

        if (path.Length == 0)
        {
            return "repository name must have at least one component";
        }

        foreach (var component in path.Split('/'))
        {
            if (ReferenceGrammar.PathComponent().IsMatch(component))
            {
                continue;
            }

            if (ReferenceGrammar.PathComponent().IsMatch(component.ToLowerInvariant()))
            {
                return "repository name must be lowercase";
            }

            return $"path component \"{component}\" is invalid: use lower-case letters and digits, "
                + "joined by '.', '_', '__' or dashes";
        }

        return null;
    }

    private static string? ValidateDigest(string digest)
    {
        if (!ReferenceGrammar.Digest().IsMatch(digest))
        {
            return $"digest \"{digest}\" is invalid: it must be an algorithm, a colon and hex digits";
        }

        var error = ReferenceGrammar.ValidateDigestAlgorithm(digest);
        return error is null ? null : $"digest \"{digest}\" is invalid: {error}";
    }
}
