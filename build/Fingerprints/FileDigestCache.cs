using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Slipway.Fingerprints;

/// <summary>
/// Remembers the SHA-256 of files by path and <see cref="FileStamp"/>, so that a warm run reads only what changed.
/// Like git's racily-clean index entries, an entry whose file was modified less than <see cref="RacyWindow"/> before
/// it was hashed is never trusted, because a later edit within the file system's timestamp granularity could keep
/// the same stamp. Such files are hashed again on every run until they are old enough.
/// </summary>
public sealed class FileDigestCache
{
    private static readonly long RacyWindow = TimeSpan.FromSeconds(2).Ticks * 100;
    private const string Header = "slipway-digest-cache 2";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly string? _path;
    private volatile bool _changed;

    private sealed record Entry(FileStamp Stamp, long HashedNanoseconds, string Digest);

    private FileDigestCache(string? path) => _path = path;

    public static FileDigestCache InMemory() => new(null);

    /// <summary>Loads the cache file; a missing file or one of another format gives an empty cache.</summary>
    public static FileDigestCache Load(string path)
    {
        var cache = new FileDigestCache(path);
        if (!File.Exists(path))
            return cache;
        using var reader = new StreamReader(path);
        if (reader.ReadLine() != Header)
            return cache;
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length == 7 && long.TryParse(fields[1], out var size) &&
                long.TryParse(fields[2], out var modified) && long.TryParse(fields[3], out var changed) &&
                ulong.TryParse(fields[4], out var inode) && long.TryParse(fields[5], out var hashed))
                cache._entries[fields[0]] = new Entry(new FileStamp(size, modified, changed, inode), hashed, fields[6]);
        }

        return cache;
    }

    /// <summary>Returns the lowercase hex SHA-256 of the file's content.</summary>
    public string GetDigest(string path)
    {
        var stamp = FileStamp.Read(path);
        if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp &&
            entry.HashedNanoseconds - stamp.LatestNanoseconds > RacyWindow)
            return entry.Digest;

        var hashedAt = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        string digest;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                   FileOptions.SequentialScan))
            digest = Convert.ToHexStringLower(SHA256.HashData(stream));
        _entries[path] = new Entry(stamp, hashedAt, digest);
        _changed = true;
        return digest;
    }

    /// <summary>Writes the cache file when anything was hashed; entries of files that no longer exist are dropped.</summary>
    public void Save()
    {
        if (_path is null || !_changed)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + "." + Environment.ProcessId + ".tmp";
        using (var writer = new StreamWriter(temporary))
        {
            writer.WriteLine(Header);
            foreach (var (path, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (!File.Exists(path))
                    continue;
                var s = entry.Stamp;
                writer.WriteLine($"{path}\t{s.Size}\t{s.ModifiedNanoseconds}\t{s.ChangedNanoseconds}\t{s.Inode}\t" +
                                 $"{entry.HashedNanoseconds}\t{entry.Digest}");
            }
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
