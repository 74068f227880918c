using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Slipway.Engine;

/// <summary>
/// Creates the Serilog logger for a run at the requested verbosity.
/// </summary>
internal static class BuildLogging
{
    private const string OutputTemplate = "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static ILogger Create(Verbosity verbosity, HostEnvironment host)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Is(ToLevel(verbosity));
        var formatter = new MessageTemplateTextFormatter(OutputTemplate);
        configuration = host.UseConsole
            ? configuration.WriteTo.Console(outputTemplate: OutputTemplate)
            : configuration.WriteTo.Sink(new TextWriterSink(host.Output, formatter));
        return configuration.CreateLogger();
    }

    private static LogEventLevel ToLevel(Verbosity verbosity) => verbosity switch
    {
        Verbosity.Quiet => LogEventLevel.Error,
        Verbosity.Minimal => LogEventLevel.Warning,
        Verbosity.Verbose => LogEventLevel.Verbose,
        _ => LogEventLevel.Information,
    };
}
