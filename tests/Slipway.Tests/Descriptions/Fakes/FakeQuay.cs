namespace Slipway.Tests.Descriptions.Fakes;

/// <summary>
/// Quay API on loopback: GET and PUT /api/v1/repository/{namespace}/{name} read and update the markdown
/// description, requiring the token as a bearer token.
/// </summary>
internal sealed class FakeQuay : IAsyncDisposable
{
    public const string Token = "quay-SECRET-oauth-token-9012";

    public FakeQuay()
    {
        Server = new FakeHttpServer(Handle);
    }

    public FakeHttpServer Server { get; }

    public Dictionary<string, string?> Descriptions { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    private FakeResponse Handle(RecordedRequest request)
    {
        const string prefix = "/api/v1/repository/";
        if (request.Header("Authorization") != "Bearer " + Token)
            return FakeResponse.Json(401, new { error = "unauthorized", error_description = "Invalid token" });
        if (!request.PathAndQuery.StartsWith(prefix, StringComparison.Ordinal))
            return FakeResponse.Json(404, new { error = "not_found" });

        var repository = request.PathAndQuery[prefix.Length..].Split('?')[0];
        if (!Descriptions.TryGetValue(repository, out var description))
            return FakeResponse.Json(404, new { error = "not_found" });

        switch (request.Method)
        {
            case "GET":
                var parts = repository.Split('/');
                return FakeResponse.Json(200, new
                {
                    @namespace = parts[0],
                    name = parts[1],
                    kind = "image",
                    description,
                    is_public = true,
                    can_write = true,
                    can_admin = true,
                });
            case "PUT":
                Descriptions[repository] = request.Json().GetProperty("description").GetString();
                return FakeResponse.Json(200, new { success = true });
            default:
                return FakeResponse.Json(405, new { error = "method not allowed" });
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
