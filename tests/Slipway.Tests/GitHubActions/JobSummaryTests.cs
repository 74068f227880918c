using Slipway.GitHubActions;
using Xunit;

namespace Slipway.Tests.GitHubActions;

public sealed class JobSummaryTests
{
    private const string BaseDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly ImageOutcome[] RunWithOneFailure =
    [
        new("base/1.0", "Succeeded", "Dockerfile changed", TimeSpan.FromSeconds(75), BaseDigest, [], null, null),
        new("web/1.0", "Failed", "RUN apt-get install failed: exit code 100, see log\nline two | more", TimeSpan.FromMilliseconds(400),
            null, ["base/1.0"], "images/web/1.0/Dockerfile", 7),
        new("api/2.0", "Skipped", "Up to date", TimeSpan.Zero, null, ["base/1.0", "alpine/3.20"], null, null),
    ];

    [Fact]
    public void Render_TableRows()
    {
        var lines = JobSummary.Render(RunWithOneFailure).Split('\n');

        Assert.Equal("## Images", lines[0]);
        Assert.Equal("| Image | Status | Reason | Duration | Digest |", lines[2]);
        Assert.Equal("| --- | --- | --- | --- | --- |", lines[3]);
        Assert.Equal("| `base/1.0` | Succeeded | Dockerfile changed | 1:15 | `sha256:0123456789ab` |", lines[4]);
        Assert.Equal(
            "| `web/1.0` | Failed | RUN apt-get install failed: exit code 100, see log line two \\| more | < 1sec |  |",
            lines[5]);
        Assert.Equal("| `api/2.0` | Skipped | Up to date | < 1sec |  |", lines[6]);
    }

    [Fact]
    public void Render_MermaidGraph()
    {
        var markdown = JobSummary.Render(RunWithOneFailure);

        var graph = markdown[markdown.IndexOf("```mermaid", StringComparison.Ordinal)..];

        Assert.Equal(
            """
            ```mermaid
            graph TD
              image1["base/1.0"]
              image2["web/1.0"]
              image3["api/2.0"]
              image4["alpine/3.20"]
              image1 --> image2
              image1 --> image3
              image4 --> image3
              classDef failed fill:#f8d7da,stroke:#d1242f
              class image2 failed
            ```

            """.ReplaceLineEndings("\n"),
            graph);
    }

    [Fact]
    public void Render_NoOutcomes_SaysSo()
    {
        var markdown = JobSummary.Render([]);

        Assert.Equal("## Images\n\nNo image needed building.\n", markdown);
    }

    [Fact]
    public void Annotations_OnlyFailures_Escaped()
    {
        var annotations = JobSummary.Annotations(RunWithOneFailure);

        var annotation = Assert.Single(annotations);
        Assert.Equal(
            "::error file=images/web/1.0/Dockerfile,line=7,title=Building web/1.0 failed::" +
            "RUN apt-get install failed: exit code 100, see log%0Aline two | more",
            annotation);
    }

    [Fact]
    public void Annotations_PropertiesEscapeColonCommaPercent()
    {
        ImageOutcome[] outcomes =
        [
            new("odd,name:1", "failed", "100% broken\r\n", TimeSpan.Zero, null, [], "images/a,b/Dockerfile", null),
        ];

        var annotation = Assert.Single(JobSummary.Annotations(outcomes));

        Assert.Equal("::error file=images/a%2Cb/Dockerfile,title=Building odd%2Cname%3A1 failed::100%25 broken%0D%0A", annotation);
    }

    [Theory]
    [InlineData(0.5, "< 1sec")]
    [InlineData(1, "0:01")]
    [InlineData(75, "1:15")]
    [InlineData(3725, "62:05")]
    public void FormatDuration_MinutesAndSeconds(double seconds, string expected)
    {
        Assert.Equal(expected, JobSummary.FormatDuration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Append_AddsToExistingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-summary-{Guid.NewGuid():N}.md");
        try
        {
            File.WriteAllText(path, "# Earlier step\n");

            JobSummary.Append(path, "## Images");
            JobSummary.Append(path, "more\n");

            Assert.Equal("# Earlier step\n## Images\nmore\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
