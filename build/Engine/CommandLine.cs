using System.Globalization;

namespace Slipway.Engine;

/// <summary>
/// Command-line arguments split into target names and options. Option names match with every dash removed and
/// case ignored, and the last occurrence of an option wins.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, CommandLineOption> _options = [];

    private CommandLine(IReadOnlyList<string> targetNames) => TargetNames = targetNames;

    /// <summary>Tokens before the first option.</summary>
    public IReadOnlyList<string> TargetNames { get; }

    public IEnumerable<CommandLineOption> Options => _options.Values;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var index = 0;
        var targetNames = new List<string>();
        while (index < args.Count && !IsOption(args[index]))
        {
            targetNames.Add(args[index++]);
        }

        var commandLine = new CommandLine(targetNames);
        while (index < args.Count)
        {
            var token = args[index++];
            var values = new List<string>();
            while (index < args.Count && !IsOption(args[index]))
            {
                values.Add(args[index++]);
            }

            var key = NameFormat.NormalizeOption(token);
            commandLine._options[key] = new CommandLineOption(token, key, values);
        }

        return commandLine;
    }

    public CommandLineOption? Find(string name) => _options.GetValueOrDefault(NameFormat.NormalizeOption(name));

    // A negative number such as -5 is a value, not an option.
    private static bool IsOption(string token) =>
        token.Length > 1 && token[0] == '-' &&
        !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}

/// <summary>
/// One option as given on the command line, with the tokens that follow it up to the next option.
/// </summary>
internal sealed record CommandLineOption(string Token, string Key, IReadOnlyList<string> Values);
