using Slipway.GitHubActions;
using Xunit;

namespace Slipway.Tests.GitHubActions;

public sealed class WorkflowStalenessTests
{
    [Fact]
    public void Diff_EqualText_Null()
    {
        Assert.Null(WorkflowStaleness.Diff("a\nb\n", "a\nb\n"));
    }

    [Fact]
    public void Diff_CrLfOnly_Null()
    {
        Assert.Null(WorkflowStaleness.Diff("a\nb\n", "a\r\nb\r\n"));
    }

    [Fact]
    public void Diff_ChangedLine_UnifiedHunk()
    {
        var expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var actual = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        var diff = WorkflowStaleness.Diff(expected, actual);

        Assert.Equal(
            "--- expected (generated)\n+++ actual (committed)\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
            diff);
    }

    [Fact]
    public void Diff_DistantChanges_TwoHunks()
    {
        var expectedLines = Enumerable.Range(1, 20).Select(number => number.ToString()).ToList();
        var actualLines = expectedLines.ToList();
        actualLines[0] = "one";
        actualLines[19] = "twenty";

        var diff = WorkflowStaleness.Diff(string.Join('\n', expectedLines) + "\n", string.Join('\n', actualLines) + "\n")!;

        Assert.Contains("@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n", diff);
        Assert.Contains("@@ -17,4 +17,4 @@\n 17\n 18\n 19\n-20\n+twenty\n", diff);
    }

    [Fact]
    public void Diff_InsertAtTop_ContextAfter()
    {
        var diff = WorkflowStaleness.Diff("a\n", "new\na\n");

        Assert.Equal("--- expected (generated)\n+++ actual (committed)\n@@ -1,1 +1,2 @@\n+new\n a\n", diff);
    }

    [Fact]
    public void Diff_EmptyExpected_EmptyRangeNumbering()
    {
        var diff = WorkflowStaleness.Diff("", "a\n");

        Assert.Equal("--- expected (generated)\n+++ actual (committed)\n@@ -0,0 +1,1 @@\n+a\n", diff);
    }

    [Fact]
    public void Diff_EmptyActual_AllDeleted()
    {
        var diff = WorkflowStaleness.Diff("a\nb\n", "");

        Assert.Equal("--- expected (generated)\n+++ actual (committed)\n@@ -1,2 +0,0 @@\n-a\n-b\n", diff);
    }

    [Fact]
    public void Diff_MissingTrailingNewline_Marked()
    {
        var diff = WorkflowStaleness.Diff("a\nb\n", "a\nb");

        Assert.Equal(
            "--- expected (generated)\n+++ actual (committed)\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
            diff);
    }

    [Fact]
    public void Diff_GeneratedWorkflowEdited_ShowsEdit()
    {
        var generated = WorkflowWriter.Write(WorkflowFixtures.Minimal());
        var edited = generated.Replace("timeout-minutes: 60", "timeout-minutes: 90", StringComparison.Ordinal);

        var diff = WorkflowStaleness.Diff(generated, edited)!;

        Assert.Contains("-    timeout-minutes: 60\n+    timeout-minutes: 90\n", diff);
    }
}
