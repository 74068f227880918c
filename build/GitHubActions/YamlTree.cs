using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.GitHubActions;

/// <summary>A node of the ordered YAML tree that <see cref="YamlTreeEmitter"/> writes.</summary>
internal abstract record YamlNode;

/// <summary>How a scalar is written.</summary>
internal enum YamlScalarKind
{
    /// <summary>A string, quoted when a plain scalar would read as a boolean, number or null.</summary>
    Text,

    /// <summary>A boolean or number, written plain.</summary>
    Literal,

    /// <summary>A multi-line string, written as a literal block (<c>|</c>).</summary>
    Block,
}

internal sealed record YamlScalar(string Value, YamlScalarKind Kind) : YamlNode;

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items) : YamlNode
{
    public static YamlSequence Of(IEnumerable<string> values) =>
        new(values.Select(value => (YamlNode)new YamlScalar(value, YamlScalarKind.Text)).ToList());
}

/// <summary>A mapping that keeps keys in insertion order, so the output order is the order of the code.</summary>
internal sealed partial record YamlMapping : YamlNode
{
    private readonly List<KeyValuePair<string, YamlNode>> entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => entries;

    public YamlMapping Add(string key, YamlNode value)
    {
        if (entries.Any(entry => entry.Key == key))
        {
            throw new InvalidOperationException($"The YAML key '{key}' is already in this mapping.");
        }

        entries.Add(new(key, value));
        return this;
    }

    public YamlMapping Add(string key, string value) => Add(key, new YamlScalar(value, YamlScalarKind.Text));

    public YamlMapping Add(string key, int value) =>
        Add(key, new YamlScalar(value.ToString(CultureInfo.InvariantCulture), YamlScalarKind.Literal));

    public YamlMapping Add(string key, bool value) =>
        Add(key, new YamlScalar(value ? "true" : "false", YamlScalarKind.Literal));

    /// <summary>
    /// Adds a GitHub expression such as <c>${{ matrix.group }}</c>, which is a string in YAML and written plain.
    /// </summary>
    public YamlMapping AddExpression(string key, string expression) =>
        Add(key, new YamlScalar(expression, YamlScalarKind.Literal));

    public YamlMapping AddBlock(string key, string text) => Add(key, new YamlScalar(text, YamlScalarKind.Block));

    /// <summary>
    /// Checks whether a plain scalar could be read as a boolean, number or null under YAML 1.1 or the YAML 1.2 core
    /// schema. Such strings get quotes, so every parser reads them as strings.
    /// </summary>
    public static bool LooksLikeNonString(string value) => NonStringScalar().IsMatch(value);

    [GeneratedRegex(
        @"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|" +
        @"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|" +
        @"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+)$")]
    private static partial Regex NonStringScalar();
}
