using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.Engine;

/// <summary>
/// Writes <c>.nuke/build.schema.json</c>, the JSON Schema (draft-04) of the parameter files, which editors use for
/// completion. The file is rewritten only when its content changes.
/// </summary>
internal static class SchemaWriter
{
    // Relaxed escaping keeps descriptions such as "parameters.<profile>.json" readable in the file.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(string rootDirectory, IReadOnlyList<ParameterMember> parameters, TargetLookup targets)
    {
        var directory = Path.Combine(rootDirectory, ".nuke");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "build.schema.json");
        var content = Render(parameters, targets);
        if (!File.Exists(path) || File.ReadAllText(path) != content)
        {
            File.WriteAllText(path, content);
        }

        return path;
    }

    public static string Render(IReadOnlyList<ParameterMember> parameters, TargetLookup targets)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteStartObject("definitions");
            var targetNames = targets.All.Select(target => target.Name).Order(StringComparer.Ordinal);
            WriteEnum(json, "ExecutableTarget", targetNames);
            WriteEnum(json, "Verbosity", Enum.GetNames<Verbosity>());
            WriteBuiltIns(json);
            json.WriteEndObject();

            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                json.WriteString("description", parameter.Description);
                SchemaTypes.Write(json, parameter.ValueType);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("allOf");
            json.WriteStartObject();
            json.WriteString("$ref", "#/definitions/NukeBuild");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteBuiltIns(Utf8JsonWriter json)
    {
        json.WriteStartObject("NukeBuild");
        json.WriteStartObject("properties");
        foreach (var option in BuiltInOptions.All.OrderBy(option => option.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject(option.Name);
            json.WriteString("description", option.Description);
            switch (option.Name)
            {
                case "Target" or "Skip":
                    json.WriteString("type", "array");
                    json.WriteStartObject("items");
                    json.WriteString("$ref", "#/definitions/ExecutableTarget");
                    json.WriteEndObject();
                    break;
                case "Verbosity":
                    json.WriteString("$ref", "#/definitions/Verbosity");
                    break;
                default:
                    SchemaTypes.Write(json, option.ValueType);
                    break;
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEnum(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
