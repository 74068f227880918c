using System.Globalization;

namespace Slipway.Engine;

/// <summary>
/// Converts raw parameter tokens to the parameter's type. Throws <see cref="FormatException"/> with a message
/// that the caller completes with the parameter name.
/// </summary>
internal static class ParameterValueConverter
{
    private static readonly Type[] ScalarTypes =
        [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double)];

    public static bool IsSupported(Type type)
    {
        var elementType = type.IsArray ? type.GetElementType()! : type;
        var scalarType = Nullable.GetUnderlyingType(elementType) ?? elementType;
        return scalarType.IsEnum || ScalarTypes.Contains(scalarType);
    }

    /// <summary>
    /// Converts tokens to a value of the given type. An empty token list is a bare flag: true for bool, an empty
    /// array for arrays. A single token for an array is split on '+'.
    /// </summary>
    public static object? Convert(Type type, IReadOnlyList<string> tokens)
    {
        if (type.IsArray)
        {
            return ConvertArray(type.GetElementType()!, tokens);
        }

        var scalarType = Nullable.GetUnderlyingType(type) ?? type;
        if (tokens.Count == 0)
        {
            return scalarType == typeof(bool) ? true : throw new FormatException("a value is missing");
        }

        if (tokens.Count > 1)
        {
            throw new FormatException($"one value is expected but {tokens.Count} were given");
        }

        return ConvertScalar(scalarType, tokens[0]);
    }

    private static Array ConvertArray(Type elementType, IReadOnlyList<string> tokens)
    {
        var items = tokens.Count == 1
            ? tokens[0].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : tokens.ToArray();
        var scalarType = Nullable.GetUnderlyingType(elementType) ?? elementType;
        var array = Array.CreateInstance(elementType, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            array.SetValue(ConvertScalar(scalarType, items[i]), i);
        }

        return array;
    }

    private static object ConvertScalar(Type type, string token)
    {
        var culture = CultureInfo.InvariantCulture;
        if (type == typeof(string))
        {
            return token;
        }

        if (type.IsEnum)
        {
            return ParseEnum(type, token);
        }

        object? value = type switch
        {
            _ when type == typeof(bool) => bool.TryParse(token, out var b) ? b : null,
            _ when type == typeof(int) => int.TryParse(token, NumberStyles.Integer, culture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(token, NumberStyles.Integer, culture, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(token, NumberStyles.Float, culture, out var d) ? d : null,
            _ => throw new NotSupportedException($"Parameter type {type} is not supported."),
        };
        return value ?? throw new FormatException($"expected {Describe(type)}");
    }

    private static object ParseEnum(Type type, string token)
    {
        var key = NameFormat.NormalizeOption(token);
        var name = Enum.GetNames(type).FirstOrDefault(name => NameFormat.NormalizeOption(name) == key);
        return name is not null
            ? Enum.Parse(type, name)
            : throw new FormatException($"expected one of {string.Join(", ", Enum.GetNames(type))}");
    }

    public static string Describe(Type type)
    {
        var elementType = type.IsArray ? type.GetElementType()! : type;
        var scalarType = Nullable.GetUnderlyingType(elementType) ?? elementType;
        if (type.IsArray)
        {
            return scalarType switch
            {
                _ when scalarType == typeof(bool) => "a list of true or false",
                _ when scalarType == typeof(int) || scalarType == typeof(long) => "a list of integers",
                _ when scalarType == typeof(double) => "a list of numbers",
                _ when scalarType.IsEnum => "a list of " + string.Join(", ", Enum.GetNames(scalarType)),
                _ => "a list of strings, separated by spaces or '+'",
            };
        }

        return scalarType switch
        {
            _ when scalarType == typeof(bool) => "true or false",
            _ when scalarType == typeof(int) => "a 32-bit integer",
            _ when scalarType == typeof(long) => "a 64-bit integer",
            _ when scalarType == typeof(double) => "a number",
            _ when scalarType.IsEnum => "one of " + string.Join(", ", Enum.GetNames(scalarType)),
            _ => "a string",
        };
    }
}
