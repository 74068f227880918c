using Slipway.Inputs;
using Xunit;

namespace Slipway.Tests.Inputs;

// Expected entries follow what BuildKit 0.12 and later sends through tonistiigi/fsutil: directories are entries,
// an excluded directory is sent only ahead of an included descendant, and symbolic links are sent, not followed.
public class ContextScannerTests
{
    private const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Executable = Regular | UnixFileMode.UserExecute;

    public static TheoryData<string, string[]> IgnoreCases => new()
    {
        { "", ["Dockerfile", "build", "build/keep.txt", "build/out.o", "src", "src/a.cc", "src/a.h"] },
        { "build", ["Dockerfile", "src", "src/a.cc", "src/a.h"] },
        { "build\n!build/keep.txt", ["Dockerfile", "build", "build/keep.txt", "src", "src/a.cc", "src/a.h"] },
        { "*\n!**/*.cc", ["src", "src/a.cc"] },
        { "src/*.h\nDockerfile", ["build", "build/keep.txt", "build/out.o", "src", "src/a.cc"] },
        { "**", [] },
    };

    [Theory]
    [MemberData(nameof(IgnoreCases))]
    public void ScanAppliesIgnoreRules(string ignoreText, string[] expected)
    {
        using var context = new TemporaryContext();
        context.AddFile("Dockerfile", "FROM scratch");
        context.AddFile("build/keep.txt");
        context.AddFile("build/out.o");
        context.AddFile("src/a.cc");
        context.AddFile("src/a.h");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Parse(ignoreText));

        Assert.Equal(expected, scan.Entries.Select(e => e.Path));
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void ScanListsExcludedParentsOnlyWithIncludedChild()
    {
        using var context = new TemporaryContext();
        context.AddFile("vendor/a/keep.go");
        context.AddFile("vendor/b/drop.go");
        context.AddDirectory("vendor/empty");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Parse("vendor\n!vendor/**/keep.go"));

        Assert.Equal(["vendor", "vendor/a", "vendor/a/keep.go"], scan.Entries.Select(e => e.Path));
        Assert.All(scan.Entries.Take(2), e => Assert.Equal(ContextEntryKind.Directory, e.Kind));
    }

    [Fact]
    public void ScanTreatsNestedIgnoreFileAsPlainFile()
    {
        using var context = new TemporaryContext();
        context.AddFile("sub/.dockerignore", "*");
        context.AddFile("sub/a.txt");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Empty);

        Assert.Equal(["sub", "sub/.dockerignore", "sub/a.txt"], scan.Entries.Select(e => e.Path));
    }

    [Fact]
    public void ScanSortsByOrdinalPath()
    {
        using var context = new TemporaryContext();
        context.AddFile("a/x");
        context.AddFile("a.txt");
        context.AddFile("B");
        context.AddFile("a-b");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Empty);

        Assert.Equal(["B", "a", "a-b", "a.txt", "a/x"], scan.Entries.Select(e => e.Path));
    }

    [Fact]
    public void ScanRecordsExecutableBit()
    {
        using var context = new TemporaryContext();
        context.AddFile("run.sh", "#!/bin/sh", Executable);
        context.AddFile("data.txt", "x", Regular);
        context.AddFile("group-only", "x", Regular | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Empty);

        var executable = scan.Entries.ToDictionary(e => e.Path, e => e.IsExecutable);
        Assert.False(executable["data.txt"]);
        Assert.False(executable["group-only"]);
        Assert.True(executable["run.sh"]);
    }

    [Fact]
    public void ScanNormalizesNamesToNfc()
    {
        using var context = new TemporaryContext();
        context.AddFile("cafe\u0301.txt");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Empty);

        var entry = Assert.Single(scan.Entries);
        Assert.Equal("caf\u00e9.txt", entry.Path);
        Assert.Equal("cafe\u0301.txt", entry.FileSystemPath);
    }

    [Fact]
    public void ScanListsLinksWithoutFollowing()
    {
        using var context = new TemporaryContext();
        context.AddFile("real/file.txt");
        context.AddLink("inside", "real/file.txt");
        context.AddLink("real/up", "../real");
        context.AddLink("dangling", "missing/file");
        context.AddLink("loop-a", "loop-b");
        context.AddLink("loop-b", "loop-a");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Empty);

        var links = scan.Entries.Where(e => e.Kind == ContextEntryKind.SymbolicLink).ToDictionary(e => e.Path);
        Assert.Equal(["dangling", "inside", "loop-a", "loop-b", "real/up"], links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("real/file.txt", links["inside"].LinkTarget);
        Assert.Equal("missing/file", links["dangling"].LinkTarget);
        Assert.Equal("loop-b", links["loop-a"].LinkTarget);
        Assert.All(links.Values, e => Assert.False(e.IsExecutable));
        Assert.DoesNotContain(scan.Entries, e => e.Path.StartsWith("real/up/", StringComparison.Ordinal));
        Assert.Empty(scan.Warnings);
    }

    [Theory]
    [InlineData("escape", "../outside")]
    [InlineData("sub/escape", "../../outside")]
    [InlineData("sub/escape", "/etc/passwd")]
    [InlineData("escape", "..")]
    public void ScanWarnsAboutLinkLeavingContext(string linkPath, string target)
    {
        using var context = new TemporaryContext();
        context.AddLink(linkPath, target);

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Empty);

        var warning = Assert.Single(scan.Warnings);
        Assert.Contains($"\"{linkPath}\"", warning);
        Assert.Contains(target, warning);
    }

    [Fact]
    public void ScanSkipsWarningForExcludedLink()
    {
        using var context = new TemporaryContext();
        context.AddLink("escape", "../outside");

        var scan = ContextScanner.Scan(context.Root, DockerIgnore.Parse("escape"));

        Assert.Empty(scan.Entries);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void ScanRejectsMissingDirectory()
    {
        Assert.Throws<DirectoryNotFoundException>(
            () => ContextScanner.Scan("/nonexistent/slipway-context", DockerIgnore.Empty));
    }
}
