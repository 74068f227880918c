namespace Slipway.Engine;

/// <summary>
/// What a run reads from and writes to outside the build class, so that tests can run builds in-process.
/// </summary>
/// <param name="Variables">Environment variables.</param>
/// <param name="WorkingDirectory">Start of the search for the root directory.</param>
/// <param name="Output">Destination of help, banners, the summary and, unless UseConsole is set, log events.</param>
/// <param name="Cancellation">Cancelled on Ctrl-C: targets not yet started are aborted, except assured ones.</param>
/// <param name="UseConsole">Logs through the Serilog console sink and sets the global Log.Logger.</param>
internal sealed record HostEnvironment(
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory,
    TextWriter Output,
    CancellationToken Cancellation = default,
    bool UseConsole = false);
