using System.Text.Json;

namespace Slipway.Tests.Descriptions.Fakes;

/// <summary>
/// Docker Hub API on loopback: POST /v2/auth/token exchanges user name and personal access token for an
/// access_token, and GET and PATCH /v2/repositories/{namespace}/{name}/ read and update the descriptions,
/// requiring that access token as a bearer token. A queued failure is the response to the next matching request.
/// </summary>
internal sealed class FakeDockerHub : IAsyncDisposable
{
    public const string Username = "slipway-bot";
    public const string PersonalAccessToken = "dckr_pat_SECRET-personal-token-1234";
    public const string AccessToken = "hub-SECRET-access-token-5678";

    private readonly Queue<(string Method, string Path, FakeResponse Response)> _failures = new();

    public FakeDockerHub()
    {
        Server = new FakeHttpServer(Handle);
    }

    public FakeHttpServer Server { get; }

    public Dictionary<string, (string Full, string Short)> Repositories { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>Responds to the next request with this method and path with <paramref name="response"/>.</summary>
    public void FailNext(string method, string path, FakeResponse response)
    {
        lock (_failures)
            _failures.Enqueue((method, path, response));
    }

    private FakeResponse Handle(RecordedRequest request)
    {
        lock (_failures)
        {
            if (_failures.Count > 0 && _failures.Peek().Method == request.Method
                && _failures.Peek().Path == request.PathAndQuery)
                return _failures.Dequeue().Response;
        }

        if (request is { Method: "POST", PathAndQuery: "/v2/auth/token" })
            return LogIn(request);

        const string prefix = "/v2/repositories/";
        if (!request.PathAndQuery.StartsWith(prefix, StringComparison.Ordinal) || !request.PathAndQuery.EndsWith('/'))
            return FakeResponse.Json(404, new { detail = "Not found" });
        if (request.Header("Authorization") != "Bearer " + AccessToken)
            return FakeResponse.Json(401, new { detail = "Authentication credentials were not provided." });

        var repository = request.PathAndQuery[prefix.Length..^1];
        if (!Repositories.TryGetValue(repository, out var current))
            return FakeResponse.Json(404, new { detail = "Object not found" });

        if (request.Method == "PATCH")
        {
            var json = request.Json();
            current = (
                json.TryGetProperty("full_description", out var full) ? full.GetString()! : current.Full,
                json.TryGetProperty("description", out var summary) ? summary.GetString()! : current.Short);
            Repositories[repository] = current;
        }
        else if (request.Method != "GET")
        {
            return FakeResponse.Json(405, new { detail = "Method not allowed" });
        }

        var parts = repository.Split('/');
        return FakeResponse.Json(200, new
        {
            user = parts[0],
            name = parts[1],
            @namespace = parts[0],
            description = current.Short,
            full_description = current.Full,
            pull_count = 42,
        });
    }

    private static FakeResponse LogIn(RecordedRequest request)
    {
        var json = JsonDocument.Parse(request.Body).RootElement;
        var identifier = json.GetProperty("identifier").GetString();
        var secret = json.GetProperty("secret").GetString();
        if (identifier == Username && secret == PersonalAccessToken)
            return FakeResponse.Json(200, new { access_token = AccessToken });
        return FakeResponse.Json(401, new { detail = "Incorrect authentication credentials" });
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
