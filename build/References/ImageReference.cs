using System.Diagnostics.CodeAnalysis;

namespace Slipway.References;

/// <summary>
/// An image reference such as <c>registry.example.com:5000/team/app:1.0@sha256:...</c>, parsed with Docker's
/// grammar (distribution/reference). <see cref="Domain"/> is empty when the reference names none.
/// </summary>
public sealed record ImageReference(string Domain, string Path, string? Tag, string? Digest)
{
    public const string DefaultDomain = "docker.io";
    public const string DefaultTag = "latest";
    private const string LegacyDefaultDomain = "index.docker.io";

    /// <summary>The repository: domain and path, or the path alone when there is no domain.</summary>
    public string Repository => Domain.Length == 0 ? Path : Domain + "/" + Path;

    /// <summary>
    /// Parses a reference. The first path component is a domain, as Docker decides it, when the reference has a
    /// '/' and that component contains '.' or ':', is "localhost", or contains an upper-case letter.
    /// </summary>
    public static bool TryParse(
        string text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = ImageReferenceParser.Parse(text, out var domain, out var path, out var tag, out var digest);
        if (error is not null)
        {
            error = $"invalid image reference \"{text}\": {error}";
            return false;
        }

        reference = new ImageReference(domain, path, tag, digest);
        return true;
    }

    /// <exception cref="FormatException">The text is not a valid reference. The message says why.</exception>
    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    /// <summary>
    /// Returns the fully qualified form: the docker.io domain when there is none (index.docker.io becomes
    /// docker.io), a "library/" prefix for a one-component path on docker.io, and the tag "latest" when the
    /// reference has neither tag nor digest.
    /// </summary>
    public ImageReference Normalize()
    {
        var domain = Domain.Length == 0 || Domain == LegacyDefaultDomain ? DefaultDomain : Domain;
        var path = domain == DefaultDomain && !Path.Contains('/') ? "library/" + Path : Path;
        var tag = Tag is null && Digest is null ? DefaultTag : Tag;
        return new ImageReference(domain, path, tag, Digest);
    }

    public override string ToString()
    {
        var text = Repository;
        if (Tag is not null)
        {
            text += ":" + Tag;
        }

        return Digest is null ? text : text + "@" + Digest;
    }

    public static bool IsValidTag(string tag) => ReferenceGrammar.Tag().IsMatch(tag);

    public static bool IsValidPathComponent(string component) => ReferenceGrammar.PathComponent().IsMatch(component);

    /// <summary>
    /// Returns null when the name is a valid repository name (an optional domain and a path, without tag or
    /// digest), or else the reason it is not.
    /// </summary>
    public static string? ValidateRepositoryName(string name)
    {
        var error = ImageReferenceParser.Parse(name, out _, out _, out var tag, out var digest);
        if (error is null && (tag is not null || digest is not null))
        {
            error = "a repository name must not contain a tag or digest";
        }

        return error is null ? null : $"invalid repository name \"{name}\": {error}";
    }
}
