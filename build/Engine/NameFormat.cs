using System.Text;

namespace Slipway.Engine;

/// <summary>
/// Name conversions for targets and parameters.
/// </summary>
internal static class NameFormat
{
    /// <summary>Removes every dash and lowercases, so --api-key, -ApiKey and --apikey all match ApiKey.</summary>
    public static string NormalizeOption(string name) =>
        name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Keeps only letters and digits, lowercased, for matching environment variable names.</summary>
    public static string LettersAndDigits(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary>
    /// Converts a PascalCase name to kebab-case: MaxParallel → max-parallel, HTTPServer → http-server.
    /// </summary>
    /// <remarks>
    /// NOTE: compound words are split too, so NuGetApiKey becomes nu-get-api-key, where NUKE prints
    /// nuget-api-key. Set <see cref="ParameterAttribute.Name"/> to NugetApiKey to get NUKE's spelling.
    /// </remarks>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            if (current is '_' or ' ' or '-')
            {
                AppendDash(builder);
                continue;
            }

            if (char.IsUpper(current) && i > 0 && StartsWord(name, i))
            {
                AppendDash(builder);
            }

            builder.Append(char.ToLowerInvariant(current));
        }

        return builder.ToString().Trim('-');
    }

    public static string ToOption(string name) => "--" + ToKebabCase(name);

    private static bool StartsWord(string name, int index)
    {
        var previous = name[index - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        // The last capital of an acronym starts a word when a lowercase letter follows: HTTPServer → HTTP, Server.
        var hasNext = index + 1 < name.Length;
        return char.IsUpper(previous) && hasNext && char.IsLower(name[index + 1]);
    }

    private static void AppendDash(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '-')
        {
            builder.Append('-');
        }
    }
}
