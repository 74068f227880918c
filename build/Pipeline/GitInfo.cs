using System.Diagnostics;

namespace Slipway.Pipeline;

/// <summary>
/// Reads the commit and the web address of the repository from git, when git and a checkout are there.
/// </summary>
public static class GitInfo
{
    public static string? Revision(string root) => Git(root, "rev-parse", "HEAD");

    /// <summary>
    /// The <c>origin</c> remote as an https address (<c>git@github.com:o/r.git</c> → <c>https://github.com/o/r</c>).
    /// </summary>
    public static string? WebUrl(string root)
    {
        var remote = Git(root, "remote", "get-url", "origin");
        if (string.IsNullOrEmpty(remote))
            return null;
        if (remote.StartsWith("git@", StringComparison.Ordinal) && remote.Contains(':'))
            remote = "https://" + remote[4..].Replace(':', '/');
        // Credentials in the remote (https://user:token@host/...) must never reach a label.
        if (!Uri.TryCreate(remote, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return null;
        var address = $"https://{uri.Authority}{uri.AbsolutePath}".TrimEnd('/');
        return address.EndsWith(".git", StringComparison.Ordinal) ? address[..^4] : address;
    }

    private static string? Git(string root, params string[] arguments)
    {
        try
        {
            var startInfo = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
            startInfo.ArgumentList.Add("-C");
            startInfo.ArgumentList.Add(root);
            foreach (var argument in arguments)
                startInfo.ArgumentList.Add(argument);
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
