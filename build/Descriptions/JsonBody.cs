using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.Descriptions;

/// <summary>Builds and reads the small JSON documents that the registry APIs exchange.</summary>
internal static class JsonBody
{
    // The relaxed encoder writes non-ASCII text as UTF-8 instead of \u escapes. Its HTML-unsafe output
    // does not matter here, because the JSON never goes into a web page.
    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns UTF-8 JSON for an object with the given string properties, in the given order.</summary>
    public static byte[] Object(params (string Name, string Value)[] properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
                writer.WriteString(name, value);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Returns the string property <paramref name="name"/> of a JSON object, an empty string when the property is
    /// null or missing, and throws <see cref="DescriptionException"/> when the body is not a JSON object.
    /// </summary>
    public static string ReadString(string json, string name, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new DescriptionException($"{source} returned JSON that is not an object.");
            if (!document.RootElement.TryGetProperty(name, out var property)
                || property.ValueKind == JsonValueKind.Null)
                return "";
            if (property.ValueKind != JsonValueKind.String)
                throw new DescriptionException(
                    $"{source} returned \"{name}\" as {property.ValueKind}, expected a string.");
            return property.GetString() ?? "";
        }
        catch (JsonException exception)
        {
            // The exception message can quote the body, so it is left out in case the body contains a token.
            throw new DescriptionException($"{source} returned a body that is not valid JSON ({json.Length} chars).",
                new JsonException(
                    $"Invalid JSON at line {exception.LineNumber}, byte {exception.BytePositionInLine}."));
        }
    }
}
