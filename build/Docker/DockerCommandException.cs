namespace Slipway.Docker;

/// <summary>A docker command that failed, with the last lines it printed.</summary>
public sealed class DockerCommandException(string command, ProcessResult result)
    : Exception($"{command} failed with exit code {result.ExitCode}: {LastLines(result)}")
{
    public ProcessResult Result => result;

    /// <summary>The command as shown in messages, such as <c>docker build</c>.</summary>
    public string Command => command;

    /// <summary>
    /// One line for tables and summaries: the command, its exit code and the last line it printed, which is where
    /// docker and BuildKit put the error (the first lines are progress output).
    /// </summary>
    public string Summary => $"{command} failed with exit code {result.ExitCode}: {LastLine(result)}";

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string LastLines(ProcessResult result)
    {
        var lines = Lines(result.StandardOutput + "\n" + result.StandardError);
        return string.Join(Environment.NewLine, lines.TakeLast(8));
    }

    private static string LastLine(ProcessResult result) =>
        Lines(result.StandardError).LastOrDefault() ?? Lines(result.StandardOutput).LastOrDefault() ?? "no output";
}
