using System.Text.Json;

namespace Slipway.Engine;

/// <summary>
/// Maps parameter types to JSON Schema type keywords.
/// </summary>
internal static class SchemaTypes
{
    public static void Write(Utf8JsonWriter json, Type type)
    {
        if (type.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            Write(json, type.GetElementType()!);
            json.WriteEndObject();
            return;
        }

        var scalarType = Nullable.GetUnderlyingType(type) ?? type;
        if (scalarType.IsEnum)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(scalarType))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            return;
        }

        var keyword = scalarType switch
        {
            _ when scalarType == typeof(bool) => "boolean",
            _ when scalarType == typeof(int) || scalarType == typeof(long) => "integer",
            _ when scalarType == typeof(double) => "number",
            _ => "string",
        };
        json.WriteString("type", keyword);
    }
}
