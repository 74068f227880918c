namespace Slipway.Engine;

/// <summary>
/// Writes the --help text: usage, listed targets with their dependencies, and parameters in kebab-case.
/// </summary>
internal static class HelpWriter
{
    public static void Write(
        TextWriter output,
        TargetLookup targets,
        IReadOnlyCollection<ExecutableTarget> defaultTargets,
        IReadOnlyList<ParameterMember> parameters)
    {
        output.WriteLine("Usage: build [targets] [--parameter value ...]");
        output.WriteLine();

        output.WriteLine("Targets (default marked with *, dependencies after ->):");
        var listed = targets.Listed.ToList();
        var nameWidth = listed.Select(target => target.Name.Length + 2).DefaultIfEmpty(0).Max();
        foreach (var target in listed)
        {
            var marker = defaultTargets.Contains(target) ? "*" : " ";
            var details = new List<string>();
            if (!string.IsNullOrWhiteSpace(target.Definition.DescriptionText))
            {
                details.Add(target.Definition.DescriptionText);
            }

            if (target.Dependencies.Count > 0)
            {
                details.Add("-> " + string.Join(", ", target.Dependencies.Select(dependency => dependency.Name)));
            }

            var name = (target.Name + " " + marker).PadRight(nameWidth);
            output.WriteLine($"  {name}  {string.Join(" ", details)}".TrimEnd());
        }

        output.WriteLine();
        output.WriteLine("Parameters:");
        var rows = parameters.Select(parameter => (Option: parameter.OptionName, Text: Describe(parameter))).ToList();
        var builtIns = BuiltInOptions.All
            .Select(option => (Option: NameFormat.ToOption(option.Name), Text: option.Description))
            .ToList();
        var optionWidth = rows.Concat(builtIns).Max(row => row.Option.Length);
        WriteRows(output, rows, optionWidth);

        output.WriteLine();
        output.WriteLine("Built-in parameters:");
        WriteRows(output, builtIns, optionWidth);
        output.WriteLine();
        var example = parameters.FirstOrDefault();
        var variable = example is null
            ? "MY_PARAMETER"
            : NameFormat.ToOption(example.Name)[2..].Replace('-', '_').ToUpperInvariant();
        var option = example?.OptionName ?? "--my-parameter";
        output.WriteLine(
            $"Parameters can also be set by environment variables ({variable} or NUKE_{variable} for {option}) " +
            "and in .nuke/parameters.json.");
    }

    private static string Describe(ParameterMember parameter)
    {
        var text = parameter.Description.TrimEnd();
        var separator = text.Length == 0 || text.EndsWith('.') ? " " : ". ";
        var secret = parameter.IsSecret ? "Secret. " : "";
        return $"{text}{separator}{secret}Value: {ParameterValueConverter.Describe(parameter.ValueType)}.".TrimStart();
    }

    private static void WriteRows(TextWriter output, IEnumerable<(string Option, string Text)> rows, int optionWidth)
    {
        foreach (var (option, text) in rows)
        {
            output.WriteLine($"  {option.PadRight(optionWidth)}  {text}");
        }
    }
}
