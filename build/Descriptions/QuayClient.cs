using Serilog;

namespace Slipway.Descriptions;

/// <summary>
/// Keeps the descriptions of Quay repositories in sync through the Quay API: reads the repository and sends a PUT
/// only when the markdown description differs.
/// </summary>
public sealed class QuayClient
{
    /// <summary>
    /// Maximum description size in UTF-8 bytes that this client sends.
    /// NOTE: Quay documents no limit. Its source (quay/quay, data/database.py) stores the description in an
    /// unbounded text column, and the RepoUpdate schema in endpoints/api/repository.py sets no maxLength.
    /// 25,000 bytes is a guess that matches Docker Hub, so both registries show the same text.
    /// </summary>
    public const int DescriptionMaxBytes = 25_000;

    public static readonly Uri DefaultBaseAddress = new("https://quay.io/");

    private const string CredentialHint =
        "Quay needs an OAuth application token with the \"Administer Repositories\" scope, " +
        "or a robot account token with admin permission on the repository.";

    private readonly RegistryApi _api;
    private readonly ILogger _logger;
    private readonly string _token;

    /// <param name="http">HTTP client. Its timeout applies to each attempt.</param>
    /// <param name="baseAddress">Quay address, <see cref="DefaultBaseAddress"/> for quay.io.</param>
    /// <param name="token">OAuth application token or robot account token, sent as a bearer token.</param>
    /// <param name="logger">Receives retries and truncation warnings.</param>
    /// <param name="retryPolicy">Retry settings, <see cref="RetryPolicy.Default"/> when null.</param>
    public QuayClient(HttpClient http, Uri baseAddress, string token, ILogger logger, RetryPolicy? retryPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(logger);
        _token = token;
        _logger = logger;
        _api = new RegistryApi(http, baseAddress, retryPolicy ?? RetryPolicy.Default, logger, "Quay", CredentialHint);
        _api.AddSecret(token);
    }

    /// <summary>
    /// Updates the description of <c>namespace/name</c> when it differs from <paramref name="markdown"/>.
    /// Markdown over <see cref="DescriptionMaxBytes"/> is truncated and ends with
    /// <see cref="DescriptionText.CutNotice"/>, which adds a warning to the result and to the log.
    /// </summary>
    /// <exception cref="DescriptionException">Read or update failed.</exception>
    public async Task<DescriptionSyncResult> SyncAsync(string repositoryNamespace, string repositoryName,
        string markdown, string fullReadmeUrl, CancellationToken cancellationToken = default)
    {
        var repository = $"{repositoryNamespace}/{repositoryName}";
        var warnings = new List<string>();
        var description = DescriptionText.Fit(markdown, DescriptionMaxBytes, DescriptionText.CutNotice(fullReadmeUrl));
        if (description.WasCut)
        {
            warnings.Add($"The Quay description of {repository} is {description.OriginalBytes} bytes, over the " +
                $"limit of {DescriptionMaxBytes} bytes, so it was truncated.");
            _logger.Warning(
                "Quay description of {Repository} is {OriginalBytes} bytes, over the limit of {MaxBytes} bytes, " +
                "so it was truncated",
                repository, description.OriginalBytes, DescriptionMaxBytes);
        }

        var path = $"api/v1/repository/{Uri.EscapeDataString(repositoryNamespace)}/" +
            Uri.EscapeDataString(repositoryName);
        // includeTags=false skips the up to 500 tags that Quay otherwise returns with the repository.
        var current = await _api.SendAsync(HttpMethod.Get, path + "?includeTags=false", _token, jsonBody: null,
            cancellationToken);
        if (JsonBody.ReadString(current, "description", $"Quay GET {path}") == description.Text)
        {
            _logger.Information("Quay description of {Repository} is up to date", repository);
            return DescriptionSyncResult.Unchanged(warnings);
        }

        var body = JsonBody.Object(("description", description.Text));
        await _api.SendAsync(HttpMethod.Put, path, _token, body, cancellationToken);
        _logger.Information("Updated Quay description of {Repository}", repository);
        return DescriptionSyncResult.Updated(["description"], warnings);
    }
}
