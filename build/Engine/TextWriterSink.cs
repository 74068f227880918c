using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Slipway.Engine;

/// <summary>
/// A Serilog sink that renders events to a <see cref="TextWriter"/>, used when output is not the console.
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            formatter.Format(logEvent, writer);
        }
    }
}
