using System.Text;
using System.Text.Json;
using Slipway.Descriptions;
using Slipway.Tests.Descriptions.Fakes;
using Xunit;

namespace Slipway.Tests.Descriptions;

public sealed class DockerHubClientTests : IAsyncLifetime
{
    private const string RepositoryPath = "/v2/repositories/acme/web/";
    private const string ReadmeUrl = "https://github.com/acme/images/blob/abc123/images/web/README.md";

    private readonly FakeDockerHub _hub = new();
    private readonly CapturingSink _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private RecordedDelays _delays = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _hub.DisposeAsync();
    }

    private DockerHubClient CreateClient(string token = FakeDockerHub.PersonalAccessToken) =>
        new(_http, _hub.Server.BaseAddress, FakeDockerHub.Username, token, _log.CreateLogger(), _delays.Policy);

    private static void AssertLogin(RecordedRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/auth/token", request.PathAndQuery);
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var body = request.Json();
        Assert.Equal(FakeDockerHub.Username, body.GetProperty("identifier").GetString());
        Assert.Equal(FakeDockerHub.PersonalAccessToken, body.GetProperty("secret").GetString());
        Assert.Equal(2, body.EnumerateObject().Count());
    }

    private static void AssertGet(RecordedRequest request)
    {
        Assert.Equal("GET", request.Method);
        Assert.Equal(RepositoryPath, request.PathAndQuery);
        Assert.Equal("Bearer " + FakeDockerHub.AccessToken, request.Header("Authorization"));
        Assert.Empty(request.Body);
    }

    private static JsonElement AssertPatch(RecordedRequest request)
    {
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(RepositoryPath, request.PathAndQuery);
        Assert.Equal("Bearer " + FakeDockerHub.AccessToken, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var body = request.Json();
        Assert.Equal(["full_description", "description"], body.EnumerateObject().Select(p => p.Name));
        return body;
    }

    [Fact]
    public async Task FirstSync_LogsInReadsAndPatches()
    {
        _hub.Repositories["acme/web"] = ("", "");

        var result = await CreateClient().SyncAsync("acme", "web", "# Web\n\nServes static files. ✓",
            "Static web server", ReadmeUrl);

        var requests = _hub.Requests;
        Assert.Equal(3, requests.Count);
        AssertLogin(requests[0]);
        AssertGet(requests[1]);
        var body = AssertPatch(requests[2]);
        Assert.Equal("# Web\n\nServes static files. ✓", body.GetProperty("full_description").GetString());
        Assert.Equal("Static web server", body.GetProperty("description").GetString());
        Assert.Equal(DescriptionSyncStatus.Updated, result.Status);
        Assert.Equal(["full_description", "description"], result.UpdatedFields);
        Assert.Empty(result.Warnings);
        Assert.Equal(("# Web\n\nServes static files. ✓", "Static web server"), _hub.Repositories["acme/web"]);
    }

    [Fact]
    public async Task OnlyChangedField_StillSendsBothFields()
    {
        _hub.Repositories["acme/web"] = ("# Web", "Old summary");

        var result = await CreateClient().SyncAsync("acme", "web", "# Web", "New summary", ReadmeUrl);

        Assert.Equal(["description"], result.UpdatedFields);
        var body = AssertPatch(_hub.Requests[2]);
        Assert.Equal("# Web", body.GetProperty("full_description").GetString());
        Assert.Equal("New summary", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SameDescriptions_SendsNoPatch()
    {
        _hub.Repositories["acme/web"] = ("# Web\n\nServes static files.", "Static web server");

        var result = await CreateClient().SyncAsync("acme", "web", "# Web\n\nServes static files.", "Static web server",
            ReadmeUrl);

        var requests = _hub.Requests;
        Assert.Equal(2, requests.Count);
        AssertLogin(requests[0]);
        AssertGet(requests[1]);
        Assert.Equal(DescriptionSyncStatus.Unchanged, result.Status);
        Assert.Empty(result.UpdatedFields);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task ReadmeOverLimit_IsTruncatedWithNotice()
    {
        _hub.Repositories["acme/web"] = ("", "");
        var notice = DescriptionText.CutNotice(ReadmeUrl);
        var budget = DockerHubClient.FullDescriptionMaxBytes - Encoding.UTF8.GetByteCount("\n\n" + notice);
        // The 4-byte emoji (a surrogate pair in UTF-16) starts 1 byte before the budget ends, so it must be dropped.
        var readme = new string('a', budget - 1) + "😀" + new string('b', 5_000);

        var result = await CreateClient().SyncAsync("acme", "web", readme, "Static web server", ReadmeUrl);

        var patch = _hub.Requests[2];
        var bodyText = patch.BodyText;
        var full = JsonDocument.Parse(bodyText).RootElement.GetProperty("full_description").GetString()!;
        var fullBytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(full);
        Assert.True(fullBytes.Length <= DockerHubClient.FullDescriptionMaxBytes, $"{fullBytes.Length} bytes");
        Assert.Equal(DockerHubClient.FullDescriptionMaxBytes - 1, fullBytes.Length);
        Assert.EndsWith("\n\n" + notice, full);
        Assert.StartsWith(new string('a', budget - 1) + "\n\n", full);
        Assert.DoesNotContain('\uFFFD', full);
        Assert.Contains(ReadmeUrl, notice);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("full description", warning);
        Assert.Contains(Encoding.UTF8.GetByteCount(readme).ToString(), warning);
        Assert.Contains(_log.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.RenderMessage().Contains("25000"));
    }

    [Fact]
    public async Task ShortDescriptionOverLimit_IsTruncated()
    {
        _hub.Repositories["acme/web"] = ("", "");
        var summary = "Static web server for single-page applications, with gzip, brotli, caching headers and é ü ö ä";

        var result = await CreateClient().SyncAsync("acme", "web", "# Web", summary + " and more words", ReadmeUrl);

        var description = AssertPatch(_hub.Requests[2]).GetProperty("description").GetString()!;
        Assert.True(Encoding.UTF8.GetByteCount(description) <= DockerHubClient.ShortDescriptionMaxBytes,
            $"{Encoding.UTF8.GetByteCount(description)} bytes");
        Assert.EndsWith("…", description);
        Assert.StartsWith("Static web server for single-page applications", description);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("short description", warning);
    }

    [Theory]
    [InlineData("images/web/1.0", "images/web/1.0/docs/usage.md", "images/web/1.0/logo.png", "images/web/shared.md")]
    [InlineData("images/web", "images/web/docs/usage.md", "images/web/logo.png", "images/shared.md")]
    [InlineData("", "docs/usage.md", "logo.png", "shared.md")]
    public async Task RelativeLinks_ResolveFromReadmeFolder(string readmeFolder, string link, string image,
        string parent)
    {
        _hub.Repositories["acme/web"] = ("", "");
        const string web = "https://github.com/acme/images";
        const string readme = """
            ![Logo](logo.png)

            See [usage](docs/usage.md), [shared](../shared.md) and [license](/LICENSE).

            ```sh
            cat [not a link](docs/usage.md)
            ```

            Run `[inline](docs/usage.md)` or visit [site](https://example.org/x).
            """;
        var rewritten = ReadmeLinks.Rewrite(readme, readmeFolder, web, "abc123");

        await CreateClient().SyncAsync("acme", "web", rewritten, "Static web server", ReadmeUrl);

        var full = AssertPatch(_hub.Requests[2]).GetProperty("full_description").GetString()!;
        var blob = web + "/blob/abc123/";
        Assert.Equal($"""
            ![Logo]({web}/raw/abc123/{image})

            See [usage]({blob}{link}), [shared]({blob}{parent}) and [license]({blob}LICENSE).

            ```sh
            cat [not a link](docs/usage.md)
            ```

            Run `[inline](docs/usage.md)` or visit [site](https://example.org/x).
            """, full);
    }

    [Fact]
    public async Task Unauthorized_ThrowsWithTokenAdviceAndNoRetry()
    {
        var client = CreateClient(token: "dckr_pat_wrong-token");

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => client.SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        var request = Assert.Single(_hub.Requests);
        AssertLoginShape(request, "dckr_pat_wrong-token");
        Assert.Contains("401", exception.Message);
        Assert.Contains("personal access token", exception.Message);
        Assert.Contains("Read, Write and Delete", exception.Message);
        Assert.Contains("two-factor authentication", exception.Message);
        Assert.DoesNotContain("dckr_pat_wrong-token", exception.ToString());
        Assert.Empty(_delays.Requested);
    }

    [Fact]
    public async Task Forbidden_ThrowsWithTokenAdviceAfterOneRequest()
    {
        _hub.FailNext("POST", "/v2/auth/token", FakeResponse.Json(403, new { detail = "Forbidden" }));

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        Assert.Single(_hub.Requests);
        Assert.Contains("403", exception.Message);
        Assert.Contains("personal access token with Read, Write and Delete scope", exception.Message);
        Assert.Contains("password does not work when two-factor authentication is on", exception.Message);
        Assert.Empty(_delays.Requested);
    }

    [Fact]
    public async Task ForbiddenPatch_IsNotRetried()
    {
        _hub.Repositories["acme/web"] = ("", "");
        _hub.FailNext("PATCH", RepositoryPath, FakeResponse.Json(403, new { detail = "Forbidden" }));

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        Assert.Equal(["POST", "GET", "PATCH"], _hub.Requests.Select(r => r.Method));
        Assert.Contains("PATCH", exception.Message);
        Assert.Empty(_delays.Requested);
    }

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterSeconds()
    {
        _hub.Repositories["acme/web"] = ("", "");
        _hub.FailNext("GET", RepositoryPath, new FakeResponse(429, "{}",
            new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var result = await CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl);

        Assert.Equal([TimeSpan.FromSeconds(7)], _delays.Requested);
        var requests = _hub.Requests;
        Assert.Equal(["POST", "GET", "GET", "PATCH"], requests.Select(r => r.Method));
        AssertGet(requests[1]);
        AssertGet(requests[2]);
        AssertPatch(requests[3]);
        Assert.Equal(DescriptionSyncStatus.Updated, result.Status);
        Assert.Contains(_log.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.RenderMessage().Contains("retrying in 7 s"));
    }

    [Fact]
    public async Task TooManyRequests_WaitsUntilHubTimestamp()
    {
        var now = new DateTimeOffset(2025, 5, 1, 22, 1, 18, TimeSpan.Zero);
        _delays = new RecordedDelays(clock: new FixedClock(now));
        _hub.Repositories["acme/web"] = ("", "");
        var resetAt = now.AddSeconds(12).ToUnixTimeSeconds().ToString();
        _hub.FailNext("GET", RepositoryPath, new FakeResponse(429, "{}",
            new Dictionary<string, string> { ["X-Retry-After"] = resetAt }));

        await CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl);

        Assert.Equal([TimeSpan.FromSeconds(12)], _delays.Requested);
        Assert.Equal(["POST", "GET", "GET", "PATCH"], _hub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task TooManyRequests_LongerThanMaximum_Throws()
    {
        _hub.FailNext("POST", "/v2/auth/token", new FakeResponse(429, "{}",
            new Dictionary<string, string> { ["Retry-After"] = "3600" }));

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        Assert.Contains("rate limited for 3600 s", exception.Message);
        Assert.Single(_hub.Requests);
        Assert.Empty(_delays.Requested);
    }

    [Fact]
    public async Task BadGatewayOnPatch_IsRetried()
    {
        _hub.Repositories["acme/web"] = ("", "");
        _hub.FailNext("PATCH", RepositoryPath, new FakeResponse(502, "<html>Bad Gateway</html>"));

        var result = await CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl);

        var requests = _hub.Requests;
        Assert.Equal(["POST", "GET", "PATCH", "PATCH"], requests.Select(r => r.Method));
        Assert.Equal(requests[2].Body, requests[3].Body);
        AssertPatch(requests[3]);
        Assert.Equal([TimeSpan.FromSeconds(1)], _delays.Requested);
        Assert.Equal(DescriptionSyncStatus.Updated, result.Status);
        Assert.Equal(("# Web", "Web"), _hub.Repositories["acme/web"]);
    }

    [Fact]
    public async Task BadGatewayOnGet_IsRetried()
    {
        _hub.Repositories["acme/web"] = ("# Web", "Web");
        _hub.FailNext("GET", RepositoryPath, new FakeResponse(502, ""));

        var result = await CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl);

        Assert.Equal(["POST", "GET", "GET"], _hub.Requests.Select(r => r.Method));
        Assert.Equal(DescriptionSyncStatus.Unchanged, result.Status);
    }

    [Fact]
    public async Task ServerErrors_BackOffExponentiallyThenThrow()
    {
        _hub.Repositories["acme/web"] = ("", "");
        for (var i = 0; i < 4; i++)
            _hub.FailNext("GET", RepositoryPath, new FakeResponse(503, ""));

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => CreateClient().SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        Assert.Equal([1, 2, 4], _delays.Requested.Select(d => d.TotalSeconds));
        Assert.Equal(5, _hub.Requests.Count);
        Assert.Contains("failed after 4 attempts", exception.Message);
        Assert.Contains("503", exception.Message);
    }

    [Fact]
    public async Task MissingRepository_ThrowsNotFound()
    {
        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => CreateClient().SyncAsync("acme", "missing", "# Web", "Web", ReadmeUrl));

        Assert.Contains("404", exception.Message);
        Assert.Contains("not found", exception.Message);
        Assert.Equal(2, _hub.Requests.Count);
    }

    [Fact]
    public async Task ConnectionRefused_IsRetriedThenThrows()
    {
        var closedPort = FakeHttpServer.FreeLoopbackPort();
        var client = new DockerHubClient(_http, new Uri($"http://127.0.0.1:{closedPort}/"), FakeDockerHub.Username,
            FakeDockerHub.PersonalAccessToken, _log.CreateLogger(), _delays.Policy);

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => client.SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        Assert.Contains("failed after 4 attempts", exception.Message);
        Assert.Equal([1, 2, 4], _delays.Requested.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task FailingRun_LeaksNoSecrets()
    {
        _hub.Repositories["acme/web"] = ("", "");
        // The fake echoes both secrets in its error bodies, as a misbehaving proxy might.
        var echo = $"upstream failed for token {FakeDockerHub.PersonalAccessToken} and {FakeDockerHub.AccessToken}";
        for (var i = 0; i < 3; i++)
            _hub.FailNext("PATCH", RepositoryPath, new FakeResponse(502, echo));
        _hub.FailNext("PATCH", RepositoryPath, new FakeResponse(400, echo));
        var client = CreateClient();

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => client.SyncAsync("acme", "web", "# Web", "Web", ReadmeUrl));

        Assert.Contains("400", exception.Message);
        Assert.Contains("upstream failed for token ***", exception.Message);
        var everything = string.Join('\n', exception.ToString(), _log.AllText(), client.ToString(),
            _delays.Policy.ToString());
        Assert.NotEmpty(_log.Events);
        Assert.DoesNotContain(FakeDockerHub.PersonalAccessToken, everything);
        Assert.DoesNotContain(FakeDockerHub.AccessToken, everything);
        Assert.DoesNotContain("SECRET", everything);
    }

    private static void AssertLoginShape(RecordedRequest request, string secret)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/auth/token", request.PathAndQuery);
        Assert.Equal(secret, request.Json().GetProperty("secret").GetString());
    }
}
