using System.Text;

namespace Slipway.GitHubActions;

/// <summary>
/// Formatting of GitHub Actions workflow commands (<c>::name key=value,key=value::message</c>). The message escapes
/// <c>%</c>, <c>\r</c> and <c>\n</c>, and property values also escape <c>:</c> and <c>,</c>, which would otherwise
/// end the property list or the property.
/// </summary>
public static class WorkflowCommands
{
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Formats a command, leaving out properties whose value is null.</summary>
    public static string Format(string command, IEnumerable<(string Key, string? Value)> properties, string message)
    {
        var builder = new StringBuilder("::").Append(command);
        var separator = ' ';
        foreach (var (key, value) in properties)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(key).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }

        return builder.Append("::").Append(EscapeData(message)).ToString();
    }
}
