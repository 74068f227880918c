namespace Slipway.Engine;

/// <summary>
/// The options that every build accepts, read from the command line only.
/// </summary>
internal sealed record BuiltInOptions(
    IReadOnlyList<string> Targets,
    IReadOnlyList<string>? Skip,
    string? Root,
    IReadOnlyList<string> Profiles,
    Verbosity Verbosity,
    bool Help,
    bool Plan,
    bool NoLogo,
    bool Continue)
{
    public static readonly IReadOnlyList<BuiltInOption> All =
    [
        new("Target", typeof(string[]), "Targets to run, as an alternative to naming them before the options."),
        new("Skip", typeof(string[]), "Targets to skip; without names, skips every target that was not invoked."),
        new("Root", typeof(string), "Root directory; default: the nearest folder upwards that contains .nuke."),
        new("Profile", typeof(string[]), "Profiles to load from .nuke/parameters.<profile>.json; later ones win."),
        new("Verbosity", typeof(Verbosity), "Logging verbosity: Quiet, Minimal, Normal or Verbose; default: Normal."),
        new("Help", typeof(bool), "Shows targets and parameters, then exits."),
        new("Plan", typeof(bool), "Writes the execution plan to .nuke/temp/execution-plan.html, then exits."),
        new("NoLogo", typeof(bool), "Leaves out the logo line at the start."),
        new(
            "Continue",
            typeof(bool),
            "Runs only the targets that did not succeed in the previous run with the same arguments."),
    ];

    private static readonly HashSet<string> Keys =
        All.Select(option => NameFormat.NormalizeOption(option.Name)).Append("h").ToHashSet();

    public static bool IsBuiltIn(CommandLineOption option) => Keys.Contains(option.Key);

    public static BuiltInOptions Read(CommandLine commandLine)
    {
        var targets = commandLine.TargetNames.Concat(Read<string[]>(commandLine, "Target") ?? []).ToList();
        var skipOption = commandLine.Find("Skip");
        var skip = skipOption is null ? null : Read<string[]>(commandLine, "Skip");
        return new BuiltInOptions(
            targets,
            skip,
            Read<string>(commandLine, "Root"),
            Read<string[]>(commandLine, "Profile") ?? [],
            commandLine.Find("Verbosity") is null ? Verbosity.Normal : Read<Verbosity>(commandLine, "Verbosity"),
            Read<bool>(commandLine, "Help") || Read<bool>(commandLine, "h"),
            Read<bool>(commandLine, "Plan"),
            Read<bool>(commandLine, "NoLogo"),
            Read<bool>(commandLine, "Continue"));
    }

    private static T? Read<T>(CommandLine commandLine, string name)
    {
        if (commandLine.Find(name) is not { } option)
        {
            return default;
        }

        try
        {
            return (T?)ParameterValueConverter.Convert(typeof(T), option.Values);
        }
        catch (FormatException exception)
        {
            var value = string.Join(" ", option.Values);
            throw new UsageException($"Invalid value '{value}' for {NameFormat.ToOption(name)}: {exception.Message}.");
        }
    }
}

/// <summary>
/// A built-in option as shown by help and the schema.
/// </summary>
internal sealed record BuiltInOption(string Name, Type ValueType, string Description);
