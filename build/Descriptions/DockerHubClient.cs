using Serilog;

namespace Slipway.Descriptions;

/// <summary>
/// Keeps the descriptions of Docker Hub repositories in sync through the Hub API: logs in with a personal access
/// token, reads the repository, and sends a PATCH only when the full or the short description differs.
/// </summary>
public sealed class DockerHubClient
{
    /// <summary>Maximum size of the full description (the repository overview), in UTF-8 bytes.</summary>
    public const int FullDescriptionMaxBytes = 25_000;

    /// <summary>Maximum size of the short description, in UTF-8 bytes.</summary>
    public const int ShortDescriptionMaxBytes = 100;

    public static readonly Uri DefaultBaseAddress = new("https://hub.docker.com/");

    private const string CredentialHint =
        "Docker Hub needs a personal access token with Read, Write and Delete scope for this repository. " +
        "An account password does not work when two-factor authentication is on.";

    private readonly RegistryApi _api;
    private readonly ILogger _logger;
    private readonly string _username;
    private readonly string _token;
    private string? _accessToken;

    /// <param name="http">HTTP client. Its timeout applies to each attempt.</param>
    /// <param name="baseAddress">Hub API address, <see cref="DefaultBaseAddress"/> in production.</param>
    /// <param name="username">Docker Hub user name that owns <paramref name="token"/>.</param>
    /// <param name="token">Docker Hub personal access token.</param>
    /// <param name="logger">Receives retries and truncation warnings.</param>
    /// <param name="retryPolicy">Retry settings, <see cref="RetryPolicy.Default"/> when null.</param>
    public DockerHubClient(HttpClient http, Uri baseAddress, string username, string token, ILogger logger,
        RetryPolicy? retryPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(logger);
        _username = username;
        _token = token;
        _logger = logger;
        _api = new RegistryApi(http, baseAddress, retryPolicy ?? RetryPolicy.Default, logger, "Docker Hub",
            CredentialHint);
        _api.AddSecret(token);
    }

    /// <summary>
    /// Updates the full and short description of <c>namespace/name</c> when either differs from the given text.
    /// Text over a size limit is truncated: the full description ends with <see cref="DescriptionText.CutNotice"/>
    /// and the short one with "…". Each truncation adds a warning to the result and to the log.
    /// </summary>
    /// <param name="fullReadmeUrl">URL of the whole README, quoted in the notice of a truncated description.</param>
    /// <exception cref="DescriptionException">Login, read or update failed.</exception>
    public async Task<DescriptionSyncResult> SyncAsync(string repositoryNamespace, string repositoryName,
        string fullDescription, string shortDescription, string fullReadmeUrl,
        CancellationToken cancellationToken = default)
    {
        var repository = $"{repositoryNamespace}/{repositoryName}";
        var warnings = new List<string>();
        var notice = DescriptionText.CutNotice(fullReadmeUrl);
        var full = DescriptionText.Fit(fullDescription, FullDescriptionMaxBytes, notice);
        WarnIfCut(full, FullDescriptionMaxBytes, "full description", repository, warnings);
        var oneLine = OciDescription.CollapseWhitespace(shortDescription);
        var summary = DescriptionText.FitLine(oneLine, ShortDescriptionMaxBytes);
        WarnIfCut(summary, ShortDescriptionMaxBytes, "short description", repository, warnings);

        var accessToken = await LogInAsync(cancellationToken);
        var path = $"v2/repositories/{Uri.EscapeDataString(repositoryNamespace)}/" +
            $"{Uri.EscapeDataString(repositoryName)}/";
        var current = await _api.SendAsync(HttpMethod.Get, path, accessToken, jsonBody: null, cancellationToken);
        var source = $"Docker Hub GET {path}";

        var changedFields = new List<string>();
        if (JsonBody.ReadString(current, "full_description", source) != full.Text)
            changedFields.Add("full_description");
        if (JsonBody.ReadString(current, "description", source) != summary.Text)
            changedFields.Add("description");
        if (changedFields.Count == 0)
        {
            _logger.Information("Docker Hub description of {Repository} is up to date", repository);
            return DescriptionSyncResult.Unchanged(warnings);
        }

        var body = JsonBody.Object(("full_description", full.Text), ("description", summary.Text));
        await _api.SendAsync(HttpMethod.Patch, path, accessToken, body, cancellationToken);
        _logger.Information("Updated Docker Hub {Fields} of {Repository}", changedFields, repository);
        return DescriptionSyncResult.Updated(changedFields, warnings);
    }

    /// <summary>Exchanges the personal access token for an API access token, once per client.</summary>
    private async Task<string> LogInAsync(CancellationToken cancellationToken)
    {
        if (_accessToken is not null)
            return _accessToken;

        var body = JsonBody.Object(("identifier", _username), ("secret", _token));
        var response = await _api.SendAsync(HttpMethod.Post, "v2/auth/token", bearerToken: null, body,
            cancellationToken);
        var accessToken = JsonBody.ReadString(response, "access_token", "Docker Hub POST v2/auth/token");
        if (accessToken.Length == 0)
            throw new DescriptionException("Docker Hub POST v2/auth/token returned no access_token.");

        _api.AddSecret(accessToken);
        _accessToken = accessToken;
        return accessToken;
    }

    private void WarnIfCut(FitResult fit, int maxBytes, string field, string repository, List<string> warnings)
    {
        if (!fit.WasCut)
            return;
        warnings.Add($"The Docker Hub {field} of {repository} is {fit.OriginalBytes} bytes, over the limit of " +
            $"{maxBytes} bytes, so it was truncated.");
        _logger.Warning(
            "Docker Hub {Field} of {Repository} is {OriginalBytes} bytes, over the limit of {MaxBytes} bytes, " +
            "so it was truncated",
            field, repository, fit.OriginalBytes, maxBytes);
    }
}
