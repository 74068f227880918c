using Serilog;
using Serilog.Core;
using Serilog.Events;
using Slipway.Descriptions;

namespace Slipway.Tests.Descriptions.Fakes;

/// <summary>Serilog sink that keeps every event, for asserting on warnings and on secrets in the output.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
            _events.Add(logEvent);
    }

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
                return _events.ToList();
        }
    }

    /// <summary>All rendered messages, property values and exceptions, one event a line.</summary>
    public string AllText() => string.Join('\n', Events.Select(e =>
        $"{e.Level} {e.RenderMessage()} {string.Join(' ', e.Properties.Values)} {e.Exception}"));

    public ILogger CreateLogger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
}

/// <summary>Retry policy whose delays are recorded instead of waited for.</summary>
internal sealed class RecordedDelays
{
    private readonly List<TimeSpan> _delays = [];

    public RecordedDelays(int maxAttempts = 4, TimeProvider? clock = null)
    {
        Policy = new RetryPolicy
        {
            MaxAttempts = maxAttempts,
            InitialBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            Delay = (delay, _) =>
            {
                lock (_delays)
                    _delays.Add(delay);
                return Task.CompletedTask;
            },
            Clock = clock ?? TimeProvider.System,
        };
    }

    public RetryPolicy Policy { get; }

    public IReadOnlyList<TimeSpan> Requested
    {
        get
        {
            lock (_delays)
                return _delays.ToList();
        }
    }
}

/// <summary>Clock fixed at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
