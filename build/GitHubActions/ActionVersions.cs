namespace Slipway.GitHubActions;

/// <summary>
/// The actions that generated workflows use, each as <c>owner/repository@ref</c>, kept in one place so an
/// upgrade is a one-line change.
/// </summary>
public sealed record ActionVersions
{
    public string Checkout { get; init; } = "actions/checkout@v4";

    public string SetupDotNet { get; init; } = "actions/setup-dotnet@v4";

    public string Cache { get; init; } = "actions/cache@v4";

    public string SetupBuildx { get; init; } = "docker/setup-buildx-action@v3";

    public string SetupQemu { get; init; } = "docker/setup-qemu-action@v3";

    public string Login { get; init; } = "docker/login-action@v3";

    /// <summary>
    /// Exposes the Actions cache service to run steps, so that BuildKit's <c>type=gha</c> cache works.
    /// </summary>
    public string GitHubRuntime { get; init; } = "crazy-max/ghaction-github-runtime@v3";

    internal IEnumerable<(string Property, string Reference)> All()
    {
        yield return (nameof(Checkout), Checkout);
        yield return (nameof(SetupDotNet), SetupDotNet);
        yield return (nameof(Cache), Cache);
        yield return (nameof(SetupBuildx), SetupBuildx);
        yield return (nameof(SetupQemu), SetupQemu);
        yield return (nameof(GitHubRuntime), GitHubRuntime);
        yield return (nameof(Login), Login);
    }
}
