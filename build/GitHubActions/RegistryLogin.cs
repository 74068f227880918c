namespace Slipway.GitHubActions;

/// <summary>
/// A registry that the build job logs in to before pushing. Username and password are GitHub expressions, so the
/// workflow passes them to the login action's inputs and never into a shell script.
/// </summary>
public sealed record RegistryLogin
{
    /// <summary>The registry host for <c>docker login</c>. Null means Docker Hub.</summary>
    public string? Registry { get; init; }

    public required string UsernameExpression { get; init; }

    public required string PasswordExpression { get; init; }

    /// <summary>The name shown on the login step.</summary>
    public required string DisplayName { get; init; }

    public bool IsGitHubContainerRegistry =>
        string.Equals(Registry, GitHubContainerRegistryHost, StringComparison.OrdinalIgnoreCase);

    public const string GitHubContainerRegistryHost = "ghcr.io";

    /// <summary>Creates a Docker Hub login that reads the username and an access token from two secrets.</summary>
    public static RegistryLogin DockerHub(string usernameSecret, string tokenSecret) => new()
    {
        Registry = null,
        UsernameExpression = SecretExpression(usernameSecret),
        PasswordExpression = SecretExpression(tokenSecret),
        DisplayName = "Docker Hub",
    };

    /// <summary>
    /// Creates a GitHub Container Registry login as the user who started the run, with the job's <c>GITHUB_TOKEN</c>.
    /// Pushing with that token needs <c>packages: write</c>, see
    /// <see cref="WorkflowDefinition.PushesToGitHubContainerRegistry"/>.
    /// </summary>
    public static RegistryLogin GitHubContainerRegistry() => new()
    {
        Registry = GitHubContainerRegistryHost,
        UsernameExpression = "${{ github.actor }}",
        PasswordExpression = SecretExpression("GITHUB_TOKEN"),
        DisplayName = GitHubContainerRegistryHost,
    };

    /// <summary>Creates a login to any registry host that reads the username and password from two secrets.</summary>
    public static RegistryLogin Generic(string registry, string usernameSecret, string passwordSecret) => new()
    {
        Registry = registry,
        UsernameExpression = SecretExpression(usernameSecret),
        PasswordExpression = SecretExpression(passwordSecret),
        DisplayName = registry,
    };

    internal static string SecretExpression(string secretName) => $"${{{{ secrets.{secretName} }}}}";
}
