using System.Linq.Expressions;
using Slipway.Engine;

namespace Slipway.Tests.Engine;

/// <summary>
/// A temporary root directory with a .nuke folder, and a way to run builds in it in-process.
/// </summary>
internal sealed class TestRoot : IDisposable
{
    public TestRoot()
    {
        Directory = Path.Combine(Path.GetTempPath(), "slipway-engine-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(NukeDirectory);
    }

    public string Directory { get; }
    public string NukeDirectory => Path.Combine(Directory, ".nuke");
    public Dictionary<string, string> Environment { get; } = [];

    public void WriteParameterFile(string fileName, string json) =>
        File.WriteAllText(Path.Combine(NukeDirectory, fileName), json);

    public RunResult Run<T>(T build, params string[] args)
        where T : BuildHost =>
        Run(build, args, []);

    public RunResult Run<T>(
        T build,
        string[] args,
        Expression<Func<T, Target>>[] defaultTargets,
        CancellationToken cancellation = default)
        where T : BuildHost
    {
        var output = new StringWriter();
        var host = new HostEnvironment(Environment, Directory, output, cancellation);
        var exitCode = BuildHost.Execute(build, args, host, defaultTargets);
        return new RunResult(exitCode, output.ToString());
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

internal sealed record RunResult(int ExitCode, string Output)
{
    /// <summary>Finds the summary table row of a target, split into cells.</summary>
    public string[]? SummaryRow(string targetName) =>
        Output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith(targetName + " ", StringComparison.Ordinal))
            .Select(line => line.Split("   ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .LastOrDefault();
}
