namespace Slipway.Docker;

/// <summary>A docker command that failed, with the last lines it printed.</summary>
public sealed class DockerCommandException(string command, ProcessResult result)
    : Exception($"{command} failed with exit code {result.ExitCode}: {LastLines(result)}")
{
    public ProcessResult Result => result;

    private static string LastLines(ProcessResult result)
    {
        var lines = (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, lines.TakeLast(8));
    }
}
