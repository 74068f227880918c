using System.Text;

namespace Slipway.GitHubActions;

/// <summary>
/// A build parameter whose value comes from a GitHub secret. The build step receives it as an environment variable
/// named after the parameter in upper snake case (<c>DockerHubToken</c> becomes <c>DOCKER_HUB_TOKEN</c>), which the
/// parameter lookup matches because it compares letters and digits only, ignoring case.
/// </summary>
public sealed record WorkflowSecret(string ParameterName, string SecretName)
{
    public string EnvironmentVariable => ToUpperSnakeCase(ParameterName);

    /// <summary>Creates the mapping NUKE uses by default: the secret has the environment variable's name.</summary>
    public static WorkflowSecret FromParameter(string parameterName) =>
        new(parameterName, ToUpperSnakeCase(parameterName));

    /// <summary>Brand names written with an inner capital that stay one word, as NUKE keeps them.</summary>
    private static readonly string[] KnownWords = ["GitHub", "NuGet", "DotNet"];

    /// <summary>
    /// Converts a PascalCase name to upper snake case. A word starts at an upper-case letter that follows a lower-case
    /// letter or digit, or that precedes a lower-case letter inside an acronym (<c>GHCRToken</c> becomes
    /// <c>GHCR_TOKEN</c>), and <see cref="KnownWords"/> stay whole (<c>NuGetApiKey</c> becomes <c>NUGET_API_KEY</c>).
    /// </summary>
    internal static string ToUpperSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        var i = 0;
        while (i < name.Length)
        {
            var knownWord = KnownWords.FirstOrDefault(
                word => string.CompareOrdinal(name, i, word, 0, word.Length) == 0);
            if (knownWord is not null)
            {
                AppendSeparator(builder);
                builder.Append(knownWord.ToUpperInvariant());
                i += knownWord.Length;
                continue;
            }

            var current = name[i];
            if (i > 0 && char.IsUpper(current))
            {
                var previous = name[i - 1];
                var startsWord = char.IsLower(previous) || char.IsDigit(previous);
                var endsAcronym = char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (startsWord || endsAcronym)
                {
                    AppendSeparator(builder);
                }
            }

            builder.Append(char.ToUpperInvariant(current));
            i++;
        }

        return builder.ToString();
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
