using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Slipway.Tests.Descriptions.Fakes;

/// <summary>An HTTP request as the fake server received it.</summary>
internal sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Decodes the body as strict UTF-8 and throws on invalid byte sequences.</summary>
    public string BodyText => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Body);

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}

internal sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(int status, object body) => new(status, JsonSerializer.Serialize(body));
}

/// <summary>
/// HTTP server on 127.0.0.1 and a free port that records every request and responds through <see cref="Handler"/>.
/// </summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _loop;

    public FakeHttpServer(Func<RecordedRequest, FakeResponse> handler)
    {
        Handler = handler;
        // Another process or test may take the probed port before the listener binds it, so try a few.
        for (var attempt = 1; ; attempt++)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(BaseAddress.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; private set; }

    public Func<RecordedRequest, FakeResponse> Handler { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
                return _requests.ToList();
        }
    }

    /// <summary>Returns a loopback port that was free a moment ago, for servers and connection-refused tests.</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            headers[name] = context.Request.Headers[name] ?? "";
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers,
            body.ToArray());
        lock (_requests)
            _requests.Add(request);

        FakeResponse response;
        try
        {
            response = Handler(request);
        }
        catch (Exception exception)
        {
            response = new FakeResponse(500, "fake server handler failed: " + exception.Message);
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        // Close stops the listener too; calling Stop first makes Close look the port up again, which fails when
        // another listener has taken it meanwhile.
        _listener.Close();
        await _loop;
    }
}
