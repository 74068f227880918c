using Slipway.Catalog;
using Slipway.Fingerprints;

namespace Slipway.Tests.Fingerprints;

public sealed class FingerprintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-fingerprint-").FullName;

    private static readonly (string Path, string Content, bool Executable)[] Tree =
    [
        ("Dockerfile", "FROM busybox:1.36\nCOPY . /app/\n", false),
        ("run.sh", "#!/bin/sh\necho run\n", true),
        ("src/a.txt", "alpha\n", false),
        ("src/b.txt", "beta\n", false),
        ("src/deep/c.txt", "gamma\n", false),
        (".dockerignore", "*.tmp\n", false),
        ("scratch.tmp", "ignored\n", false),
    ];

    [Fact]
    public void FingerprintIgnoresModesAndOrder()
    {
        var first = CreateTree("first", Tree, groupAndOtherBits: UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var second = CreateTree("second", Tree.Reverse().ToArray(),
            groupAndOtherBits: UnixFileMode.GroupWrite | UnixFileMode.GroupExecute, modified: new DateTime(2001, 1, 1));

        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void ExecutableBitChangesFingerprint()
    {
        var first = CreateTree("first", Tree);
        var flipped = Tree.Select(f => f.Path == "src/a.txt" ? f with { Executable = true } : f).ToArray();
        var second = CreateTree("second", flipped);

        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void IgnoredFileDoesNotChangeFingerprint()
    {
        var first = CreateTree("first", Tree);
        var before = Fingerprint(first);
        File.WriteAllText(Path.Combine(first, "scratch.tmp"), "different\n");

        Assert.Equal(before, Fingerprint(first));
    }

    [Fact]
    public void DecomposedNameHashesLikeComposedName()
    {
        // A name can spell "é" as "e" plus a combining accent (NFD). The file must be opened by that spelling, while
        // its path counts in NFC.
        var composed = CreateTree("composed", [.. Tree, ("caf\u00e9.txt", "menu\n", false)]);
        var decomposed = CreateTree("decomposed", [.. Tree, ("cafe\u0301.txt", "menu\n", false)]);

        Assert.Equal(Fingerprint(composed), Fingerprint(decomposed));
    }

    [Fact]
    public void DecomposedNameContentChangesFingerprint()
    {
        var first = CreateTree("first", [.. Tree, ("cafe\u0301.txt", "menu\n", false)]);
        var second = CreateTree("second", [.. Tree, ("cafe\u0301.txt", "other menu\n", false)]);

        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void ParentFingerprintChangesChild()
    {
        var folder = CreateTree("first", Tree);
        var own = FingerprintCalculator.ReadOwnInputs(Image(folder), FileDigestCache.InMemory());

        var withParentA = FingerprintCalculator.Combine(own, new Dictionary<string, string> { ["r/base:1"] = "sha256:aa" });
        var withParentB = FingerprintCalculator.Combine(own, new Dictionary<string, string> { ["r/base:1"] = "sha256:bb" });

        Assert.NotEqual(withParentA.Fingerprint, withParentB.Fingerprint);
    }

    [Fact]
    public void CacheNoticesEditKeepingSizeAndModifiedTime()
    {
        var folder = CreateTree("first", Tree);
        var path = Path.Combine(folder, "src", "a.txt");
        var old = new DateTime(2020, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);
        var cache = FileDigestCache.InMemory();
        var before = cache.GetDigest(path);

        File.WriteAllText(path, "ALPHA\n");
        File.SetLastWriteTimeUtc(path, old);

        Assert.NotEqual(before, cache.GetDigest(path));
    }

    [Fact]
    public void CacheSurvivesSaveAndLoad()
    {
        var folder = CreateTree("first", Tree);
        var path = Path.Combine(folder, "src", "b.txt");
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        var cacheFile = Path.Combine(_folder, "cache.tsv");
        var cache = FileDigestCache.Load(cacheFile);
        var digest = cache.GetDigest(path);
        cache.Save();

        var reloaded = FileDigestCache.Load(cacheFile);

        Assert.Equal(digest, reloaded.GetDigest(path));
        Assert.Contains(path, File.ReadAllText(cacheFile));
    }

    [Fact]
    public void CacheSaveDropsEntriesNotLookedUp()
    {
        var folder = CreateTree("first", Tree, modified: new DateTime(2020, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        var cachedFile = Path.Combine(folder, "src", "b.txt");
        var dropped = Path.Combine(folder, "src", "a.txt");
        var cacheFile = Path.Combine(_folder, "cache.tsv");
        var cache = FileDigestCache.Load(cacheFile);
        cache.GetDigest(cachedFile);
        cache.GetDigest(dropped);
        cache.Save();

        var reloaded = FileDigestCache.Load(cacheFile);
        var digest = reloaded.GetDigest(cachedFile);
        reloaded.Save();

        var saved = File.ReadAllText(cacheFile);
        Assert.Contains(cachedFile + "\t", saved);
        Assert.DoesNotContain(dropped, saved);
        Assert.EndsWith("\t" + digest + "\n", saved);
    }

    [Fact]
    public void InputsLabelNamesChangedFiles()
    {
        var before = new[] { new InputDigest("a.txt", "f:1111"), new InputDigest("b.txt", "f:2222"), new InputDigest("c.txt", "f:3333") };
        var after = new[] { new InputDigest("a.txt", "f:1111"), new InputDigest("b.txt", "f:9999"), new InputDigest("d.txt", "f:4444") };

        var published = InputsLabel.Decode(InputsLabel.Encode(before));

        Assert.NotNull(published);
        Assert.Equal(["b.txt", "c.txt (removed)", "d.txt (added)"], InputsLabel.Differences(published, after));
    }

    private string CreateTree(string name, (string Path, string Content, bool Executable)[] files,
        UnixFileMode groupAndOtherBits = UnixFileMode.None, DateTime? modified = null)
    {
        var root = Path.Combine(_folder, name);
        foreach (var (relative, content, executable) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | groupAndOtherBits;
            if (executable)
                mode |= UnixFileMode.UserExecute;
            File.SetUnixFileMode(path, mode);
            if (modified is { } time)
                File.SetLastWriteTimeUtc(path, time);
        }

        return root;
    }

    private static ImageDefinition Image(string folder) => new()
    {
        Name = "sample",
        Version = "1.0",
        Folder = folder,
        ContextDirectory = folder,
        DockerfilePath = Path.Combine(folder, "Dockerfile"),
        Tags = ["1.0"],
        BuildArgs = new Dictionary<string, string>(),
    };

    private static string Fingerprint(string folder) => FingerprintCalculator.Combine(
        FingerprintCalculator.ReadOwnInputs(Image(folder), FileDigestCache.InMemory()),
        new Dictionary<string, string>()).Fingerprint;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
