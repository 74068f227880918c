namespace Slipway.Engine;

/// <summary>
/// Opens and closes the output block of a running target: a collapsible group on GitHub Actions, a banner line
/// on a terminal.
/// </summary>
internal sealed class OutputBlock(TextWriter output, bool isGitHubActions, bool isQuiet)
{
    private const int BannerWidth = 72;

    public void Open(string targetName)
    {
        if (isGitHubActions)
        {
            output.WriteLine($"::group::{targetName}");
        }
        else if (!isQuiet)
        {
            output.WriteLine();
            var title = $"━━━ {targetName} ";
            output.WriteLine(title.PadRight(Math.Max(BannerWidth, title.Length + 3), '━'));
        }
    }

    public void Close()
    {
        if (isGitHubActions)
        {
            output.WriteLine("::endgroup::");
        }
    }
}
