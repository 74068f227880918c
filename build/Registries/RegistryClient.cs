using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Slipway.Registries;

/// <summary>
/// Reads image configurations from a registry through the OCI distribution API: the manifest of a tag, then its
/// config blob. A manifest list or OCI index is resolved to one platform's manifest.
/// </summary>
/// <remarks>
/// With a <see cref="ManifestLabelCache"/>, each lookup starts with a HEAD request for the tag's manifest digest, and
/// a digest seen before is answered from the cache. Docker Hub counts manifest GETs, not HEADs, against its pull rate
/// limit, so a warm run of an unchanged repository costs one HEAD per image.
/// </remarks>
public sealed class RegistryClient(
    HttpClient http,
    Func<string, Task<RegistryCredentials?>> findCredentials,
    ManifestLabelCache? cache = null)
{
    private static readonly string[] ManifestMediaTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    /// <summary>The platform picked from a multi-platform index, as <c>os/architecture</c>.</summary>
    public string Platform { get; init; } = "linux/amd64";

    /// <summary>Returns the labels of the image a tag points at, or null when the registry has no such tag.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetLabelsAsync(
        string registry, string repository, string tag, CancellationToken token = default)
    {
        var authenticator = new RegistryAuthenticator(http, await findCredentials(registry));
        var baseUri = BaseUri(registry);
        var manifestUri = new Uri(baseUri, $"v2/{repository}/manifests/{tag}");
        string? manifestDigest = null;
        if (cache is not null)
        {
            using var head = await SendAsync(HttpMethod.Head, authenticator, manifestUri, repository,
                ManifestMediaTypes, token);
            if (head is null)
                return null;
            manifestDigest = head.Headers.TryGetValues("Docker-Content-Digest", out var values)
                ? values.FirstOrDefault()
                : null;
            if (manifestDigest is not null && cache.TryGet(manifestDigest, out var cached))
                return cached;
        }

        using var manifest = await GetJsonAsync(authenticator, manifestUri, repository, ManifestMediaTypes, token);
        if (manifest is null)
            return null;

        var root = manifest.RootElement;
        IReadOnlyDictionary<string, string> labels;
        if (root.TryGetProperty("manifests", out var manifests))
        {
            var digest = PickPlatform(manifests) ?? throw new RegistryException(
                $"{registry}/{repository}:{tag} is a multi-platform index without a {Platform} image.");
            using var platformManifest = await GetJsonAsync(authenticator,
                new Uri(baseUri, $"v2/{repository}/manifests/{digest}"), repository, ManifestMediaTypes, token)
                ?? throw new RegistryException(
                    $"{registry}/{repository}@{digest} is listed in the index but missing.");
            labels = await ReadConfigLabelsAsync(authenticator, baseUri, repository, platformManifest.RootElement,
                token);
        }
        else
        {
            labels = await ReadConfigLabelsAsync(authenticator, baseUri, repository, root, token);
        }

        if (manifestDigest is not null)
            cache?.Set(manifestDigest, labels);
        return labels;
    }

    /// <summary>Loopback registries speak plain HTTP, as the docker engine allows for 127.0.0.0/8.</summary>
    public static Uri BaseUri(string registry)
    {
        var apiHost = registry == "docker.io" ? "registry-1.docker.io" : registry;
        return new Uri($"{(IsLoopback(registry) ? "http" : "https")}://{apiHost}/");
    }

    /// <summary>Whether a registry (<c>host[:port]</c>, IPv6 in brackets) is on this machine's loopback.</summary>
    public static bool IsLoopback(string registry)
    {
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']') + 1)] : registry.Split(':')[0];
        return host == "localhost" ||
               (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private string? PickPlatform(JsonElement manifests)
    {
        var parts = Platform.Split('/');
        foreach (var entry in manifests.EnumerateArray())
        {
            if (!entry.TryGetProperty("platform", out var platform))
                continue;
            var os = platform.TryGetProperty("os", out var o) ? o.GetString() : null;
            var architecture = platform.TryGetProperty("architecture", out var a) ? a.GetString() : null;
            if (os == parts[0] && architecture == parts[1])
                return entry.GetProperty("digest").GetString();
        }

        return null;
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadConfigLabelsAsync(RegistryAuthenticator authenticator,
        Uri baseUri, string repository, JsonElement manifest, CancellationToken token)
    {
        var digest = manifest.GetProperty("config").GetProperty("digest").GetString();
        using var config = await GetJsonAsync(authenticator, new Uri(baseUri, $"v2/{repository}/blobs/{digest}"),
            repository, ["application/json", "*/*"], token)
            ?? throw new RegistryException($"The config blob {digest} of {repository} is missing from the registry.");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.RootElement.TryGetProperty("config", out var imageConfig) &&
            imageConfig.TryGetProperty("Labels", out var labelObject) && labelObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in labelObject.EnumerateObject())
                labels[label.Name] = label.Value.GetString() ?? "";
        }

        return labels;
    }

    private async Task<JsonDocument?> GetJsonAsync(RegistryAuthenticator authenticator, Uri uri, string repository,
        string[] accept, CancellationToken token)
    {
        using var response = await SendAsync(HttpMethod.Get, authenticator, uri, repository, accept, token);
        return response is null ? null : JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
    }

    /// <summary>
    /// Sends a request, answering one authentication challenge. Returns null for 404; throws
    /// <see cref="RegistryException"/> for any other failure. The caller disposes the response.
    /// </summary>
    private async Task<HttpResponseMessage?> SendAsync(HttpMethod method, RegistryAuthenticator authenticator, Uri uri,
        string repository, string[] accept, CancellationToken token)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            foreach (var mediaType in accept)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
            request.Headers.Authorization = authenticator.Current;

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, token);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryException(
                    $"The registry at {uri.GetLeftPart(UriPartial.Authority)} could not be reached ({e.Message}). " +
                    "Check the --registry value and that the registry is running.", e);
            }

            var keep = false;
            try
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 &&
                    await authenticator.AnswerAsync(response, repository, token))
                    continue;
                if (response.StatusCode == HttpStatusCode.NotFound)
                    return null;
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    throw new RegistryException(
                        $"The registry at {uri.GetLeftPart(UriPartial.Authority)} rejected reading {repository} " +
                        $"({(int)response.StatusCode}). " + (authenticator.HasCredentials
                            ? "The credentials were rejected: check the user name and password or token, " +
                                "and that it may pull this repository."
                            : "Pass --registry-username and --registry-password, or log in with `docker login`."));
                if (!response.IsSuccessStatusCode)
                    throw new RegistryException(
                        $"{method} {uri} returned {(int)response.StatusCode} {response.ReasonPhrase}.");
                keep = true;
                return response;
            }
            finally
            {
                if (!keep)
                    response.Dispose();
            }
        }
    }
}
