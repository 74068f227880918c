using System.Collections;
using System.Linq.Expressions;
using Serilog;

namespace Slipway.Engine;

public abstract partial class BuildHost
{
    /// <summary>
    /// Runs a build from the command line and returns the exit code: 0 on success, 1 on failure, 2 on invalid
    /// usage. Configures Serilog's global <see cref="Log.Logger"/>, and the first Ctrl-C aborts the targets that
    /// have not started, apart from assured ones.
    /// </summary>
    public static int Execute<T>(string[] args, params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildHost, new()
    {
        var variables = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal);
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, eventArgs) =>
        {
            // The first Ctrl-C stops scheduling new targets, but the running target finishes.
            // A second Ctrl-C ends the process.
            if (!cancellation.IsCancellationRequested)
            {
                eventArgs.Cancel = true;
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var host = new HostEnvironment(
                variables, Directory.GetCurrentDirectory(), Console.Out, cancellation.Token, UseConsole: true);
            return Execute(new T(), args, host, defaultTargets);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            Log.CloseAndFlush();
        }
    }

    /// <summary>Runs a build on the given instance with the given environment; the seam that tests use.</summary>
    internal static int Execute<T>(
        T build, string[] args, HostEnvironment host, params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildHost
    {
        var defaultNames = defaultTargets.Select(GetTargetName).ToList();
        return new BuildSession(build, host, defaultNames).Run(args);
    }

    private static string GetTargetName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException(
                $"A default target must be a Target property, such as x => x.Compile, not {expression}.");
}
