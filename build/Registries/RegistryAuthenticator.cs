using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Slipway.Registries;

/// <summary>
/// Answers a registry's 401 challenge: a Bearer challenge is exchanged for a token at its realm (with basic
/// credentials when there are some), a Basic challenge gets the credentials themselves.
/// </summary>
internal sealed class RegistryAuthenticator(HttpClient http, RegistryCredentials? credentials)
{
    private AuthenticationHeaderValue? _authorization;

    public AuthenticationHeaderValue? Current => _authorization;

    public bool HasCredentials => credentials is not null;

    /// <summary>Returns false when the challenge cannot be answered (for example Basic without credentials).</summary>
    public async Task<bool> AnswerAsync(HttpResponseMessage challenge, string repository, CancellationToken token)
    {
        var header = challenge.Headers.WwwAuthenticate.FirstOrDefault();
        if (header is null)
            return false;

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (credentials is null || _authorization?.Scheme == "Basic")
                return false;
            _authorization = BasicHeader(credentials);
            return true;
        }

        if (!header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || _authorization?.Scheme == "Bearer")
            return false;
        var parameters = ParseParameters(header.Parameter ?? "");
        if (!parameters.TryGetValue("realm", out var realm))
            return false;

        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
            query.Add("service=" + Uri.EscapeDataString(service));
        query.Add("scope=" +
            Uri.EscapeDataString(parameters.GetValueOrDefault("scope") ?? $"repository:{repository}:pull"));
        using var request = new HttpRequestMessage(HttpMethod.Get,
            realm + (realm.Contains('?') ? "&" : "?") + string.Join('&', query));
        if (credentials is not null)
            request.Headers.Authorization = BasicHeader(credentials);
        using var response = await http.SendAsync(request, token);
        if (!response.IsSuccessStatusCode)
            throw new RegistryException(
                $"The token service {new Uri(realm).GetLeftPart(UriPartial.Path)} " +
                $"returned {(int)response.StatusCode} " +
                $"{response.ReasonPhrase} for {repository}. Check the registry credentials.");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
        var tokenValue = body.RootElement.TryGetProperty("token", out var t) ? t.GetString()
            : body.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        if (string.IsNullOrEmpty(tokenValue))
            return false;
        _authorization = new AuthenticationHeaderValue("Bearer", tokenValue);
        return true;
    }

    private static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Secret}")));

    /// <summary>Parses <c>key="value",key2="value2"</c> challenge parameters.</summary>
    internal static Dictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < text.Length)
        {
            var equals = text.IndexOf('=', position);
            if (equals < 0)
                break;
            var key = text[position..equals].Trim(' ', ',');
            string value;
            if (equals + 1 < text.Length && text[equals + 1] == '"')
            {
                var close = text.IndexOf('"', equals + 2);
                if (close < 0)
                    close = text.Length;
                value = text[(equals + 2)..close];
                position = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', equals);
                if (comma < 0)
                    comma = text.Length;
                value = text[(equals + 1)..comma].Trim();
                position = comma;
            }

            result[key] = value;
            position = text.IndexOf(',', Math.Min(position, text.Length)) is var next and >= 0 ? next + 1 : text.Length;
        }

        return result;
    }
}
