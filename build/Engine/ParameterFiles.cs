using System.Text.Json;

namespace Slipway.Engine;

/// <summary>
/// Values from <c>.nuke/parameters.json</c> and the profile files <c>.nuke/parameters.&lt;profile&gt;.json</c>.
/// Later profiles override earlier ones, and all of them override <c>parameters.json</c>.
/// </summary>
internal sealed class ParameterFiles
{
    private readonly Dictionary<string, FileValue> _values = [];

    /// <summary>A value and the file it came from, keyed by the normalized parameter name.</summary>
    public IReadOnlyDictionary<string, FileValue> Values => _values;

    public static ParameterFiles Load(string rootDirectory, IReadOnlyList<string> profiles)
    {
        var files = new ParameterFiles();
        var directory = Path.Combine(rootDirectory, ".nuke");
        var defaultFile = Path.Combine(directory, "parameters.json");
        if (File.Exists(defaultFile))
        {
            files.Read(defaultFile);
        }

        foreach (var profile in profiles)
        {
            var path = Path.Combine(directory, $"parameters.{profile}.json");
            if (!File.Exists(path))
            {
                throw new UsageException($"Profile '{profile}' not found: the file {path} does not exist.");
            }

            files.Read(path);
        }

        return files;
    }

    private void Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new UsageException($"Parameter file {path} is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"Parameter file {path} must contain a JSON object.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "$schema" && property.Value.ValueKind != JsonValueKind.Null)
                {
                    var key = NameFormat.NormalizeOption(property.Name);
                    _values[key] = new FileValue(property.Name, ToTokens(property.Value), path);
                }
            }
        }
    }

    private static IReadOnlyList<string> ToTokens(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(ToToken).ToList(),
        _ => [ToToken(element)],
    };

    private static string ToToken(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}

/// <summary>
/// One parameter value read from a parameter file.
/// </summary>
internal sealed record FileValue(string Key, IReadOnlyList<string> Tokens, string Path);
