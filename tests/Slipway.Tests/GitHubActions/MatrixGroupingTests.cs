using Slipway.GitHubActions;
using Xunit;

namespace Slipway.Tests.GitHubActions;

public sealed class MatrixGroupingTests
{
    private static PlannedImage Image(string name, bool needsBuild, params string[] parents) => new(name, needsBuild, parents);

    [Fact]
    public void Group_SharedParentFixture_ExactJson()
    {
        PlannedImage[] images =
        [
            Image("static-web/1.0", true, "base/1.0"),
            Image("base/1.0", true),
            Image("api/2.0", true, "base/1.0"),
            Image("tools/3.1", true),
            Image("legacy/0.9", false),
        ];

        var json = MatrixGrouping.ToMatrixJson(MatrixGrouping.Group(images));

        Assert.Equal(
            """{"include":[{"group":"base-1.0","images":"base/1.0+api/2.0+static-web/1.0"},{"group":"tools-3.1","images":"tools/3.1"}]}""",
            json);
    }

    [Fact]
    public void Group_Chain_ParentsFirst()
    {
        PlannedImage[] images =
        [
            Image("c/1", true, "b/1"),
            Image("b/1", true, "a/1"),
            Image("a/1", true),
        ];

        var groups = MatrixGrouping.Group(images);

        var group = Assert.Single(groups);
        Assert.Equal(["a/1", "b/1", "c/1"], group.Images);
        Assert.Equal("a-1", group.Id);
    }

    [Fact]
    public void Group_Diamond_OneGroupInDependencyOrder()
    {
        PlannedImage[] images =
        [
            Image("top/1", true, "right/1", "left/1"),
            Image("right/1", true, "root/1"),
            Image("left/1", true, "root/1"),
            Image("root/1", true),
        ];

        var groups = MatrixGrouping.Group(images);

        var group = Assert.Single(groups);
        Assert.Equal(["root/1", "left/1", "right/1", "top/1"], group.Images);
    }

    [Fact]
    public void Group_UpToDateParent_ChildrenSeparate()
    {
        PlannedImage[] images =
        [
            Image("base/1.0", false),
            Image("web/1.0", true, "base/1.0"),
            Image("worker/1.0", true, "base/1.0"),
        ];

        var groups = MatrixGrouping.Group(images);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["web/1.0"], groups[0].Images);
        Assert.Equal(["worker/1.0"], groups[1].Images);
    }

    [Fact]
    public void Group_UpToDateMiddle_SplitsChain()
    {
        PlannedImage[] images =
        [
            Image("a/1", true),
            Image("b/1", false, "a/1"),
            Image("c/1", true, "b/1"),
        ];

        var groups = MatrixGrouping.Group(images);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["a/1"], groups[0].Images);
        Assert.Equal(["c/1"], groups[1].Images);
    }

    [Fact]
    public void Group_NothingToBuild_EmptyInclude()
    {
        PlannedImage[] images = [Image("a/1", false)];

        var groups = MatrixGrouping.Group(images);

        Assert.Empty(groups);
        Assert.Equal("""{"include":[]}""", MatrixGrouping.ToMatrixJson(groups));
        Assert.Equal("matrix={\"include\":[]}\ncount=0\n", MatrixGrouping.ToGitHubOutput(groups));
    }

    [Fact]
    public void Group_InputOrderDoesNotMatter()
    {
        PlannedImage[] images =
        [
            Image("z/1", true),
            Image("m/1", true, "a/1"),
            Image("a/1", true),
        ];

        var forward = MatrixGrouping.ToMatrixJson(MatrixGrouping.Group(images));
        var reversed = MatrixGrouping.ToMatrixJson(MatrixGrouping.Group(images.Reverse().ToArray()));

        Assert.Equal(forward, reversed);
    }

    [Fact]
    public void Group_CollidingIds_GetSuffix()
    {
        PlannedImage[] images = [Image("a-b/1", true), Image("a/b-1", true)];

        var groups = MatrixGrouping.Group(images);

        Assert.Equal("a-b-1", groups[0].Id);
        Assert.Equal("a-b-1-2", groups[1].Id);
    }

    [Fact]
    public void Group_UnknownParent_Throws()
    {
        PlannedImage[] images = [Image("web/1.0", true, "missing/1.0")];

        var exception = Assert.Throws<ArgumentException>(() => MatrixGrouping.Group(images));

        Assert.Contains("missing/1.0", exception.Message);
    }

    [Fact]
    public void Group_DuplicateName_Throws()
    {
        PlannedImage[] images = [Image("web/1.0", true), Image("web/1.0", false)];

        var exception = Assert.Throws<ArgumentException>(() => MatrixGrouping.Group(images));

        Assert.Contains("web/1.0", exception.Message);
    }

    [Fact]
    public void Group_Cycle_Throws()
    {
        PlannedImage[] images = [Image("a/1", true, "b/1"), Image("b/1", true, "a/1"), Image("c/1", true)];

        var exception = Assert.Throws<ArgumentException>(() => MatrixGrouping.Group(images));

        Assert.Contains("a/1, b/1", exception.Message);
    }

    [Fact]
    public void ToGitHubOutput_MatrixAndCountLines()
    {
        var groups = MatrixGrouping.Group([Image("a/1", true), Image("b/1", true)]);

        var output = MatrixGrouping.ToGitHubOutput(groups);

        Assert.Equal(
            "matrix={\"include\":[{\"group\":\"a-1\",\"images\":\"a/1\"},{\"group\":\"b-1\",\"images\":\"b/1\"}]}\ncount=2\n",
            output);
    }

    [Fact]
    public void ToMatrixJson_TooManyGroups_Throws()
    {
        var groups = Enumerable.Range(0, MatrixGrouping.MaxMatrixJobs + 1)
            .Select(index => new MatrixGroup($"g{index}", [$"image{index}/1"]))
            .ToList();

        var exception = Assert.Throws<InvalidOperationException>(() => MatrixGrouping.ToMatrixJson(groups));

        Assert.Contains("257", exception.Message);
    }
}
