using System.Text.RegularExpressions;

namespace Slipway.Descriptions;

/// <summary>Turns a URL found in a README into an absolute URL on the repository host, GitHub layout.</summary>
internal sealed partial class RepositoryUrlResolver
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UrlScheme();

    private readonly string _readmeDirectory;
    private readonly string _repositoryWebUrl;
    private readonly string _commit;

    public RepositoryUrlResolver(string readmeDirectory, string repositoryWebUrl, string commit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryWebUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit);
        _readmeDirectory = (readmeDirectory ?? "").Replace('\\', '/').Trim('/');
        _repositoryWebUrl = repositoryWebUrl.TrimEnd('/');
        _commit = commit;
    }

    /// <summary>
    /// Returns <paramref name="url"/> unchanged when it is absolute (any scheme, including <c>mailto:</c>),
    /// protocol-relative (<c>//host</c>), a fragment (<c>#anchor</c>) or empty. Otherwise returns the
    /// <c>raw</c> URL for an image or the <c>blob</c> URL for a link, keeping any query and fragment.
    /// </summary>
    public string Resolve(string url, bool isImage)
    {
        var isUntouched = url.Length == 0
            || url[0] == '#'
            || url.StartsWith("//", StringComparison.Ordinal)
            || UrlScheme().IsMatch(url);
        if (isUntouched)
            return url;

        var suffixStart = url.IndexOfAny(['?', '#']);
        var path = suffixStart < 0 ? url : url[..suffixStart];
        var suffix = suffixStart < 0 ? "" : url[suffixStart..];
        if (path.Length == 0)
            return url;

        var combined = path.StartsWith('/') ? path : _readmeDirectory + "/" + path;
        var normalized = NormalizePath(combined);
        if (path.EndsWith('/') && normalized.Length > 0)
            normalized += "/";

        var kind = isImage ? "raw" : "blob";
        return $"{_repositoryWebUrl}/{kind}/{_commit}/{normalized.Replace(" ", "%20")}{suffix}";
    }

    /// <summary>Removes empty and "." segments and applies "..", which stops at the repository root.</summary>
    private static string NormalizePath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }
}
