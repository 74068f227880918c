using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
    private const int DigestLength = 64;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly string? _path;
    private volatile bool _changed;

    private sealed record Entry(FileStamp Stamp, long HashedNanoseconds, string Digest);

    // Paths looked up since the cache was loaded; only their entries are saved.
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    private FileDigestCache(string? path) => _path = path;

    public static FileDigestCache InMemory() => new(null);

    /// <summary>Loads the cache file; a missing file or one of another format gives an empty cache.</summary>
    public static FileDigestCache Load(string path)
    {
        var cache = new FileDigestCache(path);
        if (!File.Exists(path))
            return cache;
        using var reader = new StreamReader(path, Encoding.UTF8, false, 1 << 16);
        if (reader.ReadLine() != Header)
            return cache;
        while (reader.ReadLine() is { } line)
        {
            if (TryParse(line, out var filePath, out var entry))
                cache._entries[filePath] = entry;
        }

        return cache;
    }

    // Parses "path, size, modified, changed, inode, hashed, digest", separated by tabs, without splitting the line.
    private static bool TryParse(string line, out string path, out Entry entry)
    {
        path = "";
        entry = null!;
        var fields = line.AsSpan();
        if (!TryTake(ref fields, out var pathField) || pathField.IsEmpty ||
            !TryTake(ref fields, out var size) || !TryTake(ref fields, out var modified) ||
            !TryTake(ref fields, out var changed) || !TryTake(ref fields, out var inode) ||
            !TryTake(ref fields, out var hashed) || fields.Length != DigestLength || fields.Contains('\t'))
            return false;
        if (!long.TryParse(size, CultureInfo.InvariantCulture, out var sizeValue) ||
            !long.TryParse(modified, CultureInfo.InvariantCulture, out var modifiedValue) ||
            !long.TryParse(changed, CultureInfo.InvariantCulture, out var changedValue) ||
            !ulong.TryParse(inode, CultureInfo.InvariantCulture, out var inodeValue) ||
            !long.TryParse(hashed, CultureInfo.InvariantCulture, out var hashedValue))
            return false;
        path = pathField.ToString();
        entry = new Entry(new FileStamp(sizeValue, modifiedValue, changedValue, inodeValue), hashedValue,
            fields.ToString());
        return true;
    }

    private static bool TryTake(ref ReadOnlySpan<char> fields, out ReadOnlySpan<char> field)
    {
        var tab = fields.IndexOf('\t');
        field = tab < 0 ? default : fields[..tab];
        fields = tab < 0 ? fields : fields[(tab + 1)..];
        return tab >= 0;
    }

    /// <summary>Returns the lowercase hex SHA-256 of the file's content.</summary>
    public string GetDigest(string path)
    {
        var stamp = FileStamp.Read(path);
        _used.TryAdd(path, 0);
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

    /// <summary>
    /// Writes the cache file when anything was hashed or an entry was not looked up. Only the entries of files that
    /// this run looked up are kept, so files deleted or no longer in any build context drop out.
    /// </summary>
    public void Save()
    {
        if (_path is null || (!_changed && _used.Count == _entries.Count))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + "." + Environment.ProcessId + ".tmp";
        var paths = _used.Keys.ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.WriteLine(Header);
            foreach (var path in paths)
            {
                var entry = _entries[path];
                var s = entry.Stamp;
                writer.Write(path);
                writer.Write('\t');
                writer.Write(s.Size);
                writer.Write('\t');
                writer.Write(s.ModifiedNanoseconds);
                writer.Write('\t');
                writer.Write(s.ChangedNanoseconds);
                writer.Write('\t');
                writer.Write(s.Inode);
                writer.Write('\t');
                writer.Write(entry.HashedNanoseconds);
                writer.Write('\t');
                writer.WriteLine(entry.Digest);
            }
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
