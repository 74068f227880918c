using Slipway.Inputs;
using Xunit;

namespace Slipway.Tests.Inputs;

// Expected values follow moby/patternmatcher as BuildKit uses it (BuildKit 0.12 and later, through
// tonistiigi/fsutil's filterFS), and the examples in Docker's .dockerignore documentation.
public class DockerIgnoreTests
{
    [Theory]
    // Anchoring at the context root and path cleaning.
    [InlineData("foo", "foo", true)]
    [InlineData("foo", "a/foo", false)]
    [InlineData("/foo", "foo", true)]
    [InlineData("./foo", "foo", true)]
    [InlineData("foo/", "foo/bar", true)]
    [InlineData("foo//bar", "foo/bar", true)]
    [InlineData("foo/./bar/../baz", "foo/baz", true)]
    [InlineData("../foo", "foo", false)]
    [InlineData("  foo  ", "foo", true)]
    // Whole segments only, and everything below a matched directory.
    [InlineData("node_modules", "node_modules-old", false)]
    [InlineData("node_modules", "node_modules/a/b.js", true)]
    [InlineData("build", "src/build", false)]
    // '*' and '?' stay within one segment.
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/a.md", false)]
    [InlineData("*/temp*", "somedir/temporary.txt", true)]
    [InlineData("*/temp*", "temp", false)]
    [InlineData("*/*/temp*", "a/b/temp.x", true)]
    [InlineData("temp?", "tempa", true)]
    [InlineData("temp?", "temp", false)]
    [InlineData("temp?", "tempab", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a*", "a/b", true)]
    // '**' spans any number of segments, including none.
    [InlineData("**/*.go", "main.go", true)]
    [InlineData("**/*.go", "a/b/c.go", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/xb", false)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("**", "x/y/z", true)]
    [InlineData("**/foo", "foo", true)]
    [InlineData("**/foo", "x/y/foo", true)]
    [InlineData("**/foo", "xfoo", false)]
    [InlineData("**foo", "barfoo", true)]
    // Character classes and escapes.
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[a-c].txt", "d.txt", false)]
    [InlineData("[^a].txt", "b.txt", true)]
    [InlineData("[^a].txt", "a.txt", false)]
    [InlineData(@"[\]x]", "]", true)]
    [InlineData(@"\*.txt", "*.txt", true)]
    [InlineData(@"\*.txt", "a.txt", false)]
    [InlineData(@"a\?", "a?", true)]
    [InlineData(@"a\?", "ab", false)]
    // Regular expression characters are literal.
    [InlineData("a.b", "axb", false)]
    [InlineData("a+(b)", "a+(b)", true)]
    [InlineData("$x{1}", "$x{1}", true)]
    // A comment needs '#' in the first column.
    [InlineData("#foo", "#foo", false)]
    [InlineData(" #foo", "#foo", true)]
    public void IsExcludedSinglePattern(string pattern, string path, bool expected)
    {
        var ignore = DockerIgnore.Parse(pattern);

        Assert.Equal(expected, ignore.IsExcluded(path));
    }

    [Theory]
    [InlineData("*.md\n!README.md", "README.md", false)]
    [InlineData("*.md\n!README.md", "CHANGES.md", true)]
    [InlineData("*.md\n!README*.md\nREADME-secret.md", "README-secret.md", true)]
    [InlineData("*.md\n!README*.md\nREADME-secret.md", "README-public.md", false)]
    [InlineData("!a.txt\n*.txt", "a.txt", true)]
    [InlineData("build\n!build/keep", "build", true)]
    [InlineData("build\n!build/keep", "build/keep", false)]
    [InlineData("build\n!build/keep", "build/keep/deep/file", false)]
    [InlineData("build\n!build/keep", "build/other", true)]
    [InlineData("build\n!**/*.cc", "build/src/a.cc", false)]
    [InlineData("build\n!**/*.cc", "build/src/a.h", true)]
    [InlineData("*\n!src\nsrc/**/*.tmp", "src/a/b.tmp", true)]
    [InlineData("*\n!src\nsrc/**/*.tmp", "src/a/b.cs", false)]
    // fsutil carries each pattern's result from the parent directory, and an exception skipped at the parent
    // (nothing was excluded there yet) is then tried on the child path alone, so "a/b" stays excluded.
    [InlineData("a/b\n!a", "a/b", true)]
    public void IsExcludedLaterLinesWin(string text, string path, bool expected)
    {
        var ignore = DockerIgnore.Parse(text);

        Assert.Equal(expected, ignore.IsExcluded(path));
    }

    [Theory]
    [InlineData("build\n!build/keep", "build", true)]
    [InlineData("build\n!build/keep", "other", false)]
    [InlineData("build\n!build/keep/**", "build/keep", true)]
    [InlineData("build\n!buildx/a", "build", false)]
    [InlineData("a\n!a/b/*", "a", true)]
    [InlineData("a\n!a/b/*", "a/b", true)]
    [InlineData("a\n!a/b/*", "a/c", false)]
    [InlineData("build", "build", false)]
    // Any wildcard left in an exception makes current BuildKit descend into every excluded directory.
    [InlineData("build\n!**/*.cc", "build", true)]
    [InlineData("build\n!docs/*.md", "build", true)]
    public void MayReincludeBelowFollowsFsutil(string text, string directory, bool expected)
    {
        var ignore = DockerIgnore.Parse(text);

        Assert.Equal(expected, ignore.MayReincludeBelow(directory));
    }

    [Fact]
    public void ParseCleansPatterns()
    {
        var text = "\uFEFF/foo/\r\n!./bar\n# comment\n\n  baz  \n! qux\na/../b/./c\n/\n";

        var ignore = DockerIgnore.Parse(text);

        Assert.Equal(["foo", "!bar", "baz", "!qux", "b/c", "/"], ignore.Patterns);
        Assert.True(ignore.HasExceptions);
    }

    [Fact]
    public void EmptyExcludesNothing()
    {
        Assert.Empty(DockerIgnore.Empty.Patterns);
        Assert.False(DockerIgnore.Empty.IsExcluded("anything"));
        Assert.False(DockerIgnore.Empty.MayReincludeBelow("anything"));
    }

    [Theory]
    [InlineData("!")]
    [InlineData("  !  ")]
    [InlineData("[")]
    [InlineData("[]")]
    [InlineData("[z-a]")]
    [InlineData("[a-]")]
    [InlineData(@"foo\")]
    public void ParseRejectsMalformedPattern(string text)
    {
        var error = Assert.Throws<FormatException>(() => DockerIgnore.Parse("ok\n" + text));

        Assert.Contains("line 2", error.Message);
    }
}
