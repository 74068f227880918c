using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Serilog;

namespace Slipway.Descriptions;

/// <summary>
/// Sends JSON requests to one registry API with retries and turns failures into <see cref="DescriptionException"/>.
/// Retries 429 (waiting as Retry-After requests), 5xx and network errors, up to <see cref="RetryPolicy.MaxAttempts"/>.
/// Throws at once on 401 and 403, with <c>credentialHint</c> in the message to say what the token needs.
/// Every registered secret is replaced with "***" in messages and logs.
/// </summary>
internal sealed class RegistryApi
{
    private const int MaxBodyExcerptLength = 300;

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly RetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly string _serviceName;
    private readonly string _credentialHint;
    private readonly List<string> _secrets = [];

    public RegistryApi(HttpClient http, Uri baseAddress, RetryPolicy retry, ILogger logger, string serviceName,
        string credentialHint)
    {
        _http = http;
        _baseAddress = baseAddress;
        _retry = retry;
        _logger = logger;
        _serviceName = serviceName;
        _credentialHint = credentialHint;
    }

    public void AddSecret(string secret)
    {
        if (!string.IsNullOrEmpty(secret))
            _secrets.Add(secret);
    }

    /// <summary>Sends the request and returns the body of the 2xx response.</summary>
    public async Task<string> SendAsync(HttpMethod method, string pathAndQuery, string? bearerToken, byte[]? jsonBody,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress, pathAndQuery);
        var attempt = 0;
        while (true)
        {
            attempt++;
            using var request = CreateRequest(method, uri, bearerToken, jsonBody);
            string failure;
            TimeSpan delay;
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                    return body;

                ThrowUnlessRetryable(response, method, pathAndQuery, body);
                failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                delay = RetryDelay(response, attempt, method, pathAndQuery);
            }
            catch (HttpRequestException exception)
            {
                failure = Redact(exception.Message);
                delay = _retry.Backoff(attempt);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no response within {_http.Timeout.TotalSeconds:0} s";
                delay = _retry.Backoff(attempt);
            }

            if (attempt >= _retry.MaxAttempts)
                throw new DescriptionException(
                    $"{_serviceName} {method} {pathAndQuery} failed after {attempt} attempts. Last error: {failure}.");

            _logger.Warning(
                "{Service} {Method} {Path} failed ({Failure}), retrying in {DelaySeconds:0.###} s " +
                "(attempt {Attempt} of {MaxAttempts})",
                _serviceName, method.Method, pathAndQuery, failure, delay.TotalSeconds, attempt + 1,
                _retry.MaxAttempts);
            await _retry.Delay(delay, cancellationToken);
        }
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, string? bearerToken, byte[]? jsonBody)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (bearerToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private void ThrowUnlessRetryable(HttpResponseMessage response, HttpMethod method, string path, string body)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.TooManyRequests || (int)status >= 500)
            return;

        var request = $"{_serviceName} {method} {path}";
        var statusText = $"HTTP {(int)status} {response.ReasonPhrase}";
        throw status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new DescriptionException($"{request} was rejected with {statusText}. {_credentialHint}"),
            HttpStatusCode.NotFound =>
                new DescriptionException($"{request} failed with {statusText}: the repository was not found. " +
                    "Check the namespace and name, and push an image first if the repository does not exist yet."),
            _ => new DescriptionException($"{request} failed with {statusText}: {Excerpt(body)}"),
        };
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, HttpMethod method, string path)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
            return _retry.Backoff(attempt);

        var requested = RetryAfterHeader.Read(response.Headers, _retry.Clock.GetUtcNow());
        if (requested is null)
            return _retry.Backoff(attempt);
        if (requested > _retry.MaxRetryAfter)
            throw new DescriptionException(
                $"{_serviceName} {method} {path} is rate limited for {requested.Value.TotalSeconds:0} s, longer than " +
                $"the maximum wait of {_retry.MaxRetryAfter.TotalSeconds:0} s. Run the sync again later.");
        return requested.Value;
    }

    private string Excerpt(string body)
    {
        var text = Redact(body.Trim());
        if (text.Length == 0)
            return "(empty response body)";
        return text.Length <= MaxBodyExcerptLength ? text : text[..MaxBodyExcerptLength] + "…";
    }

    private string Redact(string text)
    {
        var builder = new StringBuilder(text);
        foreach (var secret in _secrets)
            builder.Replace(secret, "***");
        return builder.ToString();
    }
}
