using System.Collections.Concurrent;
using System.Text.Json;

namespace Slipway.Registries;

/// <summary>
/// Image labels by manifest digest, kept in a file between runs. A digest names the manifest's exact content, so
/// its labels never change and an entry never goes stale. Only the entries used in a run are saved.
/// </summary>
public sealed class ManifestLabelCache
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _used = new(StringComparer.Ordinal);
    private readonly string? _path;

    private ManifestLabelCache(string? path) => _path = path;

    public static ManifestLabelCache InMemory() => new(null);

    /// <summary>Loads the cache file; a missing or unreadable file gives an empty cache.</summary>
    public static ManifestLabelCache Load(string path)
    {
        var cache = new ManifestLabelCache(path);
        if (!File.Exists(path))
            return cache;
        try
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path));
            foreach (var (digest, labels) in entries ?? [])
                cache._loaded[digest] = labels;
        }
        catch (JsonException)
        {
            // A damaged cache costs one full lookup per image, nothing more.
        }

        return cache;
    }

    public bool TryGet(string manifestDigest, out IReadOnlyDictionary<string, string> labels)
    {
        if (_used.TryGetValue(manifestDigest, out labels!) || _loaded.TryGetValue(manifestDigest, out labels!))
        {
            _used[manifestDigest] = labels;
            return true;
        }

        return false;
    }

    public void Set(string manifestDigest, IReadOnlyDictionary<string, string> labels) => _used[manifestDigest] = labels;

    public void Save()
    {
        if (_path is null)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(
            _used.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value)));
        File.Move(temporary, _path, overwrite: true);
    }
}
