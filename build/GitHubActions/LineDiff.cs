namespace Slipway.GitHubActions;

/// <summary>A line-based diff from the longest common subsequence, grouped into unified-diff hunks.</summary>
internal static class LineDiff
{
    internal enum EditKind
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>One line of the diff.</summary>
    /// <param name="ExpectedIndex">How many expected lines come before this edit.</param>
    /// <param name="ActualIndex">How many actual lines come before this edit.</param>
    internal sealed record Edit(EditKind Kind, string Text, int ExpectedIndex, int ActualIndex);

    /// <summary>
    /// Computes the edits that turn <paramref name="expected"/> into <paramref name="actual"/>. Deletions come before
    /// insertions where both are possible, as in GNU diff output.
    /// </summary>
    // NOTE: the table is quadratic in the lines between the common prefix and suffix, which is fine for workflow
    // files of a few hundred lines but not for large files.
    public static List<Edit> Compute(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var prefix = 0;
        while (prefix < expected.Count && prefix < actual.Count && expected[prefix] == actual[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < expected.Count - prefix && suffix < actual.Count - prefix
               && expected[expected.Count - 1 - suffix] == actual[actual.Count - 1 - suffix])
        {
            suffix++;
        }

        var rows = expected.Count - prefix - suffix;
        var columns = actual.Count - prefix - suffix;

        // common[i, j] is the length of the longest common subsequence of the middle parts from i and j onwards.
        var common = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                common[i, j] = expected[prefix + i] == actual[prefix + j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>(expected.Count + actual.Count);
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(EditKind.Equal, expected[k], k, k));
        }

        var row = 0;
        var column = 0;
        while (row < rows || column < columns)
        {
            var expectedIndex = prefix + row;
            var actualIndex = prefix + column;
            if (row < rows && column < columns && expected[expectedIndex] == actual[actualIndex])
            {
                edits.Add(new Edit(EditKind.Equal, expected[expectedIndex], expectedIndex, actualIndex));
                row++;
                column++;
            }
            else if (row < rows && (column == columns || common[row + 1, column] >= common[row, column + 1]))
            {
                edits.Add(new Edit(EditKind.Delete, expected[expectedIndex], expectedIndex, actualIndex));
                row++;
            }
            else
            {
                edits.Add(new Edit(EditKind.Insert, actual[actualIndex], expectedIndex, actualIndex));
                column++;
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add(new Edit(EditKind.Equal, expected[prefix + rows + k], prefix + rows + k, prefix + columns + k));
        }

        return edits;
    }

    /// <summary>
    /// Groups edits into hunks: each change with up to <paramref name="context"/> equal lines around it, merging
    /// changes whose context would overlap or touch.
    /// </summary>
    public static List<List<Edit>> Hunks(IReadOnlyList<Edit> edits, int context)
    {
        var hunks = new List<List<Edit>>();
        var changes = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != EditKind.Equal).ToList();
        var position = 0;
        while (position < changes.Count)
        {
            var start = Math.Max(0, changes[position] - context);
            var end = changes[position];
            while (position + 1 < changes.Count && changes[position + 1] - end <= 2 * context + 1)
            {
                position++;
                end = changes[position];
            }

            end = Math.Min(edits.Count - 1, end + context);
            hunks.Add(edits.Skip(start).Take(end - start + 1).ToList());
            position++;
        }

        return hunks;
    }
}
