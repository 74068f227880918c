using System.Text;
using Slipway.Descriptions;
using Slipway.Tests.Descriptions.Fakes;
using Xunit;

namespace Slipway.Tests.Descriptions;

public sealed class QuayClientTests : IAsyncLifetime
{
    private const string RepositoryPath = "/api/v1/repository/acme/web";
    private const string ReadmeUrl = "https://github.com/acme/images/blob/abc123/images/web/README.md";

    private readonly FakeQuay _quay = new();
    private readonly CapturingSink _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly RecordedDelays _delays = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _quay.DisposeAsync();
    }

    private QuayClient CreateClient(string token = FakeQuay.Token) =>
        new(_http, _quay.Server.BaseAddress, token, _log.CreateLogger(), _delays.Policy);

    private static void AssertGet(RecordedRequest request)
    {
        Assert.Equal("GET", request.Method);
        Assert.Equal(RepositoryPath + "?includeTags=false", request.PathAndQuery);
        Assert.Equal("Bearer " + FakeQuay.Token, request.Header("Authorization"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task FirstSync_ReadsAndPuts()
    {
        _quay.Descriptions["acme/web"] = null;

        var result = await CreateClient().SyncAsync("acme", "web", "# Web\n\nServes files. ✓", ReadmeUrl);

        var requests = _quay.Requests;
        Assert.Equal(2, requests.Count);
        AssertGet(requests[0]);
        var put = requests[1];
        Assert.Equal("PUT", put.Method);
        Assert.Equal(RepositoryPath, put.PathAndQuery);
        Assert.Equal("Bearer " + FakeQuay.Token, put.Header("Authorization"));
        Assert.Equal("application/json", put.Header("Content-Type"));
        Assert.Equal("{\"description\":\"# Web\\n\\nServes files. ✓\"}", put.BodyText);
        Assert.Equal(DescriptionSyncStatus.Updated, result.Status);
        Assert.Equal(["description"], result.UpdatedFields);
        Assert.Equal("# Web\n\nServes files. ✓", _quay.Descriptions["acme/web"]);
    }

    [Fact]
    public async Task SameDescription_SendsNoPut()
    {
        _quay.Descriptions["acme/web"] = "# Web";

        var result = await CreateClient().SyncAsync("acme", "web", "# Web", ReadmeUrl);

        AssertGet(Assert.Single(_quay.Requests));
        Assert.Equal(DescriptionSyncStatus.Unchanged, result.Status);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Unauthorized_ThrowsWithTokenAdviceAndNoRetry()
    {
        _quay.Descriptions["acme/web"] = "";

        var exception = await Assert.ThrowsAsync<DescriptionException>(
            () => CreateClient(token: "quay-wrong-token").SyncAsync("acme", "web", "# Web", ReadmeUrl));

        var request = Assert.Single(_quay.Requests);
        Assert.Equal("Bearer quay-wrong-token", request.Header("Authorization"));
        Assert.Contains("401", exception.Message);
        Assert.Contains("OAuth application token with the \"Administer Repositories\" scope", exception.Message);
        Assert.Contains("robot account", exception.Message);
        Assert.DoesNotContain("quay-wrong-token", exception.ToString());
        Assert.DoesNotContain("quay-wrong-token", _log.AllText());
        Assert.Empty(_delays.Requested);
    }

    [Fact]
    public async Task DescriptionOverLimit_IsTruncatedWithNotice()
    {
        _quay.Descriptions["acme/web"] = "";
        var notice = DescriptionText.CutNotice(ReadmeUrl);
        var budget = QuayClient.DescriptionMaxBytes - Encoding.UTF8.GetByteCount("\n\n" + notice);
        // The 2-byte "é" straddles the budget, so it must be dropped whole.
        var markdown = new string('a', budget - 1) + "é" + new string('b', 1_000);

        var result = await CreateClient().SyncAsync("acme", "web", markdown, ReadmeUrl);

        var description = _quay.Requests[1].Json().GetProperty("description").GetString()!;
        Assert.Equal(markdown[..(budget - 1)], description[..(budget - 1)]);
        Assert.Equal(notice, description[(budget + 1)..]);
        Assert.Equal(QuayClient.DescriptionMaxBytes - 1, Encoding.UTF8.GetByteCount(description));
        Assert.EndsWith("\n\n" + notice, description);
        Assert.Single(result.Warnings);
    }
}
