using System.IO.Compression;
using System.Text;

namespace Slipway.Fingerprints;

/// <summary>
/// Encodes an image's input list into a compact label value (deflated lines of a 16-hex digest prefix and a
/// name, in base64), so that a later run can name the inputs that differ from the published image.
/// </summary>
public static class InputsLabel
{
    private const int DigestPrefixLength = 16;

    public static string Encode(IEnumerable<InputDigest> inputs)
    {
        var text = new StringBuilder();
        foreach (var input in inputs)
            text.Append(Prefix(input.Digest)).Append(' ').Append(input.Name).Append('\0');
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize))
            deflate.Write(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>Returns name to digest prefix, or null when the value is not a valid encoding.</summary>
    public static IReadOnlyDictionary<string, string>? Decode(string value)
    {
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(value)),
                CompressionMode.Decompress);
            using var reader = new StreamReader(deflate, Encoding.UTF8);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var record in reader.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = record.IndexOf(' ');
                if (space > 0)
                    result[record[(space + 1)..]] = record[..space];
            }

            return result;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Names the inputs that were added, removed or changed, sorted.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> published,
        IEnumerable<InputDigest> current)
    {
        var differences = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in current)
        {
            seen.Add(input.Name);
            if (!published.TryGetValue(input.Name, out var digest))
                differences.Add(input.Name + " (added)");
            else if (digest != Prefix(input.Digest))
                differences.Add(input.Name);
        }

        foreach (var name in published.Keys.Where(n => !seen.Contains(n)))
            differences.Add(name + " (removed)");
        return differences.ToList();
    }

    private static string Prefix(string digest)
    {
        var hex = digest[(digest.IndexOf(':') + 1)..];
        var kind = digest.Contains(':') ? digest[..digest.IndexOf(':')] : "";
        var prefix = hex.Length > DigestPrefixLength ? hex[..DigestPrefixLength] : hex;
        return kind.Length is > 0 and <= 2 ? kind + prefix : prefix;
    }
}
