using Serilog;

namespace Slipway.Engine;

/// <summary>
/// Sets parameter members from the first source that has a value: the command line, then environment variables,
/// then parameter files.
/// </summary>
internal sealed class ParameterInjector(
    CommandLine commandLine,
    IReadOnlyDictionary<string, string> environment,
    ParameterFiles files,
    SecretMasker masker,
    ILogger logger)
{
    public void Inject(object build, IReadOnlyList<ParameterMember> parameters)
    {
        foreach (var parameter in parameters)
        {
            var found = FindTokens(parameter);
            if (found is { } value)
            {
                parameter.SetValue(build, Convert(parameter, value.Tokens, value.Source));
            }

            if (parameter.IsSecret)
            {
                masker.Add(parameter.GetValue(build));
            }
        }

        WarnAboutUnknownFileKeys(parameters);
    }

    private (IReadOnlyList<string> Tokens, string Source)? FindTokens(ParameterMember parameter)
    {
        if (commandLine.Find(parameter.Name) is { } option)
        {
            return (option.Values, "the command line");
        }

        if (FindEnvironmentVariable(parameter) is { } variable)
        {
            return ([environment[variable]], $"environment variable {variable}");
        }

        if (files.Values.GetValueOrDefault(NameFormat.NormalizeOption(parameter.Name)) is { } fileValue)
        {
            return (fileValue.Tokens, fileValue.Path);
        }

        return null;
    }

    /// <summary>
    /// Finds the variable named exactly like the parameter, or else the only one that matches on letters and digits,
    /// ignoring case, with or without a NUKE prefix. Returns null when several variables match.
    /// </summary>
    private string? FindEnvironmentVariable(ParameterMember parameter)
    {
        if (environment.TryGetValue(parameter.Name, out var exact) && exact.Length > 0)
        {
            return parameter.Name;
        }

        var key = NameFormat.LettersAndDigits(parameter.Name);
        var prefixedKey = "nuke" + key;
        var matches = environment
            .Where(variable => variable.Value.Length > 0)
            .Select(variable => variable.Key)
            .Where(name => NameFormat.LettersAndDigits(name) == key || NameFormat.LettersAndDigits(name) == prefixedKey)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        if (matches.Count > 1)
        {
            logger.Warning(
                "Environment variables {Variables} all match parameter {Parameter}, so it keeps its default value",
                matches,
                parameter.OptionName);
            return null;
        }

        return matches.FirstOrDefault();
    }

    private object? Convert(ParameterMember parameter, IReadOnlyList<string> tokens, string source)
    {
        try
        {
            return ParameterValueConverter.Convert(parameter.ValueType, tokens);
        }
        catch (FormatException exception)
        {
            var shown = parameter.IsSecret ? "(secret)" : $"'{string.Join(" ", tokens)}'";
            throw new UsageException(
                $"Invalid value {shown} for {parameter.OptionName} from {source}: {exception.Message}.");
        }
    }

    private void WarnAboutUnknownFileKeys(IReadOnlyList<ParameterMember> parameters)
    {
        var known = parameters.Select(parameter => NameFormat.NormalizeOption(parameter.Name))
            .Concat(BuiltInOptions.All.Select(option => NameFormat.NormalizeOption(option.Name)))
            .ToHashSet();
        foreach (var (key, value) in files.Values.Where(pair => !known.Contains(pair.Key)))
        {
            logger.Warning(
                "Parameter file {File} sets {Key}, which is not a parameter of this build", value.Path, value.Key);
        }
    }
}
