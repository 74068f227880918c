using Slipway.Docker;
using Slipway.Inputs;

namespace Slipway.Tests.Integration;

/// <summary>
/// Proves that the context entries Slipway counts are the ones the builder receives: each case builds an image that
/// copies its whole context to /ctx with the real engine, then compares the files, folders and links found there
/// with <see cref="ContextScanner"/>'s entries.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BuildContextTests(EngineFixture engine) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-context-").FullName;

    private string Context => Path.Combine(_folder, "context");

    public static TheoryData<string, string[], string> Cases => new()
    {
        // Exceptions, later lines winning, and a directory pattern with an exception for one file below it.
        { "*.log\n!keep.log\nbuild/\n!build/out.txt\n", ["a.txt", "b.log", "keep.log", "build/x.o", "build/out.txt", "src/c.txt"], "" },
        // '**' across segments and whole-segment matching: node_modules-old stays.
        { "**/node_modules\ndocs/**/*.md\n!docs/README.md\n",
            ["app/node_modules/m.js", "node_modules-old/n.js", "docs/README.md", "docs/a/b.md", "docs/a/c.txt"], "" },
        // Cleaning: leading '/', './' and trailing '/' mean nothing; comments and blank lines are skipped.
        { "# comment\n\n/tmp/\n./cache\n", ["tmp/t.txt", "cache/c.bin", "keep/k.txt"], "" },
        // <Dockerfile>.dockerignore beside the Dockerfile replaces the context's .dockerignore.
        { "a.txt\n", ["a.txt", "b.txt", "c.txt"], "b.txt\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ScannerMatchesBuilder(string dockerignore, string[] files, string dockerfileIgnore)
    {
        foreach (var file in files)
            Write(file);
        File.WriteAllText(Path.Combine(Context, ".dockerignore"), dockerignore);
        if (dockerfileIgnore.Length > 0)
            File.WriteAllText(Path.Combine(_folder, "Dockerfile.dockerignore"), dockerfileIgnore);

        await AssertSameEntriesAsync();
    }

    [Fact]
    public async Task SymbolicLinksCountAsLinks()
    {
        Write("target.txt");
        File.CreateSymbolicLink(Path.Combine(Context, "inside"), "target.txt");
        File.CreateSymbolicLink(Path.Combine(Context, "outside"), "/etc/hostname");
        File.CreateSymbolicLink(Path.Combine(Context, "dangling"), "missing.txt");
        File.WriteAllText(Path.Combine(Context, ".dockerignore"), "");

        var scan = await AssertSameEntriesAsync();

        Assert.Equal("target.txt", scan.Entries.Single(e => e.Path == "inside").LinkTarget);
        Assert.Contains(scan.Warnings, w => w.Contains("outside"));
    }

    [Fact]
    public async Task ExecutableBitIsSent()
    {
        Write("run.sh");
        File.SetUnixFileMode(Path.Combine(Context, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("data.txt");

        var scan = await AssertSameEntriesAsync();

        Assert.True(scan.Entries.Single(e => e.Path == "run.sh").IsExecutable);
        Assert.False(scan.Entries.Single(e => e.Path == "data.txt").IsExecutable);
    }

    /// <summary>
    /// A wildcard exception below an excluded directory (<c>vendor</c> then <c>!**/*.cc</c>): current BuildKit looks
    /// inside and sends <c>vendor/lib/x.cc</c>; the classic builder and older BuildKit do not. Slipway counts what
    /// current BuildKit sends, so its entries may be a superset of what an older engine receives, never a subset.
    /// </summary>
    [Fact]
    public async Task WildcardExceptionBelowExcludedFolderIsCounted()
    {
        foreach (var file in new[] { "main.cc", "vendor/lib/x.cc", "vendor/lib/x.h" })
            Write(file);
        File.WriteAllText(Path.Combine(Context, ".dockerignore"), "vendor\n!**/*.cc\n");

        var scan = Scan();
        var received = await BuildAndListAsync();

        Assert.Contains(scan.Entries, e => e.Path == "vendor/lib/x.cc");
        Assert.DoesNotContain(scan.Entries, e => e.Path == "vendor/lib/x.h");
        Assert.Subset(Describe(scan).ToHashSet(), received.ToHashSet());
    }

    private async Task<ContextScan> AssertSameEntriesAsync()
    {
        var scan = Scan();
        var received = await BuildAndListAsync();
        Assert.Equal(Describe(scan), received);
        return scan;
    }

    private ContextScan Scan()
    {
        var dockerfile = WriteDockerfile();
        var ignore = ContextScanner.LoadIgnoreFile(Context, dockerfile, out _);
        return ContextScanner.Scan(Context, ignore);
    }

    private static List<string> Describe(ContextScan scan) => scan.Entries
        .Select(e => $"{e.Kind switch { ContextEntryKind.File => "f", ContextEntryKind.Directory => "d", _ => "l" }} {e.Path}")
        .Order(StringComparer.Ordinal).ToList();

    private string WriteDockerfile()
    {
        var dockerfile = Path.Combine(_folder, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM busybox:1.36\nCOPY . /ctx/\n");
        return dockerfile;
    }

    /// <summary>Builds the image and lists /ctx in it as "f path", "d path" and "l path", sorted.</summary>
    private async Task<List<string>> BuildAndListAsync()
    {
        var tag = "slipway-test/context:" + Guid.NewGuid().ToString("N")[..12];
        var request = new ImageBuildRequest(Context, WriteDockerfile(), [tag], new Dictionary<string, string>(),
            new Dictionary<string, string>(), null, [], "none", []);
        await engine.Docker.BuildAsync(request, _ => { }, CancellationToken.None);
        try
        {
            var entries = new List<string>();
            foreach (var (type, kind) in new[] { ("f", "f"), ("d", "d"), ("l", "l") })
            {
                var result = await ProcessRunner.RunAsync(engine.Docker.Client.Path,
                    ["run", "--rm", "--network", "none", tag, "find", "/ctx", "-mindepth", "1", "-type", type]);
                Assert.True(result.Succeeded, result.StandardError);
                entries.AddRange(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => $"{kind} {line["/ctx/".Length..]}"));
            }

            return entries.Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            await ProcessRunner.RunAsync(engine.Docker.Client.Path, ["image", "rm", "--force", tag]);
        }
    }

    private void Write(string relativePath)
    {
        var path = Path.Combine(Context, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relativePath + "\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
