using System.Text.RegularExpressions;

namespace Slipway.GitHubActions;

/// <summary>
/// A GitHub Actions workflow that plans which images changed, builds them in a matrix and pushes them.
/// <see cref="WorkflowWriter"/> turns it into YAML.
/// </summary>
/// <param name="Name">The workflow name shown in the Actions tab.</param>
/// <param name="FileName">The file name under <c>.github/workflows/</c>, ending in <c>.yml</c> or <c>.yaml</c>.</param>
public sealed partial record WorkflowDefinition(string Name, string FileName)
{
    public WorkflowTriggers Triggers { get; init; } = new();

    /// <summary>The <c>runs-on</c> label of every job.</summary>
    public string RunnerImage { get; init; } = "ubuntu-24.04";

    /// <summary>The timeout of the plan and check-workflow jobs, in minutes.</summary>
    public int PlanTimeoutMinutes { get; init; } = 15;

    /// <summary>The timeout of each build job (one matrix entry), in minutes.</summary>
    public int BuildTimeoutMinutes { get; init; } = 60;

    /// <summary>
    /// The <c>fetch-depth</c> of every checkout. 0 fetches the whole history, so change detection can compare with
    /// earlier commits.
    /// </summary>
    public int CheckoutFetchDepth { get; init; }

    public ActionVersions Actions { get; init; } = new();

    /// <summary>Registries the build job logs in to, in this order, on every event except pull requests.</summary>
    public IReadOnlyList<RegistryLogin> RegistryLogins { get; init; } = [];

    /// <summary>Whether any image targets more than one platform, which adds QEMU emulation to the build job.</summary>
    public bool HasMultiPlatformImages { get; init; }

    /// <summary>Secrets passed to the build step as environment variables.</summary>
    public IReadOnlyList<WorkflowSecret> Secrets { get; init; } = [];

    /// <summary>
    /// Build parameters set on the plan and build steps, as environment variable name and value, for example
    /// <c>REGISTRY: docker.io</c>. Values may be expressions of trusted contexts such as <c>${{ vars.NAMESPACE }}</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>
    /// Whether images are pushed to ghcr.io, which grants <c>packages: write</c> to the build job only.
    /// </summary>
    public bool PushesToGitHubContainerRegistry { get; init; }

    /// <summary>The repository-relative path of the workflow file.</summary>
    public string RelativePath => ".github/workflows/" + FileName;

    /// <summary>Checks every field and throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "The workflow name is missing.");
        ValidateFileName();
        Require(!string.IsNullOrWhiteSpace(RunnerImage), nameof(RunnerImage), "The runner image is missing.");
        Require(PlanTimeoutMinutes > 0, nameof(PlanTimeoutMinutes),
            $"The plan timeout must be positive, got {PlanTimeoutMinutes}.");
        Require(BuildTimeoutMinutes > 0, nameof(BuildTimeoutMinutes),
            $"The build timeout must be positive, got {BuildTimeoutMinutes}.");
        Require(CheckoutFetchDepth >= 0, nameof(CheckoutFetchDepth),
            $"The checkout fetch depth must be 0 or more, got {CheckoutFetchDepth}.");
        ValidateTriggers();
        ValidateActions();
        ValidateSecrets();

        if (PushesToGitHubContainerRegistry)
        {
            Require(RegistryLogins.Any(login => login.IsGitHubContainerRegistry), nameof(RegistryLogins),
                "Pushing to ghcr.io needs a login: add RegistryLogin.GitHubContainerRegistry() to RegistryLogins.");
        }
    }

    private void ValidateFileName()
    {
        var hasYamlExtension = FileName.EndsWith(".yml", StringComparison.Ordinal) ||
            FileName.EndsWith(".yaml", StringComparison.Ordinal);
        Require(hasYamlExtension, nameof(FileName),
            $"The workflow file name must end in .yml or .yaml, got '{FileName}'.");
        Require(FileName.IndexOfAny(['/', '\\']) < 0, nameof(FileName),
            $"The workflow file name must not contain a folder, got '{FileName}'.");
    }

    private void ValidateTriggers()
    {
        Require(Triggers.PushBranches.Count > 0 || Triggers.PushTags.Count > 0, nameof(Triggers),
            "The workflow needs at least one push branch or tag pattern, usually the default branch.");

        var patterns = Triggers.PushBranches.Concat(Triggers.PushTags).Concat(Triggers.PullRequestBranches);
        foreach (var pattern in patterns)
        {
            Require(!string.IsNullOrWhiteSpace(pattern), nameof(Triggers), "A branch or tag pattern is empty.");
        }

        if (Triggers.Schedule is { } schedule)
        {
            Require(CronExpression().IsMatch(schedule), nameof(Triggers),
                $"The schedule must be a cron expression of five fields separated by single spaces, got '{schedule}'.");
        }
    }

    private void ValidateActions()
    {
        foreach (var (property, reference) in Actions.All())
        {
            Require(ActionReference().IsMatch(reference), nameof(Actions),
                $"ActionVersions.{property} must look like owner/repository@ref, got '{reference}'.");
        }
    }

    private void ValidateSecrets()
    {
        foreach (var secret in Secrets)
        {
            Require(SecretName().IsMatch(secret.SecretName), nameof(Secrets),
                "Secret names contain only letters, digits and underscores and do not start with a digit, " +
                $"got '{secret.SecretName}'.");
            Require(PascalCaseName().IsMatch(secret.ParameterName), nameof(Secrets),
                $"The parameter name must be a PascalCase identifier, got '{secret.ParameterName}'.");
        }

        var duplicate = Secrets.GroupBy(secret => secret.EnvironmentVariable, StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        Require(duplicate is null, nameof(Secrets), $"Two secrets map to the environment variable {duplicate?.Key}.");
    }

    private static void Require(bool condition, string parameterName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }

    [GeneratedRegex(@"^\S+ \S+ \S+ \S+ \S+$")]
    private static partial Regex CronExpression();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[A-Za-z0-9_./-]+$")]
    private static partial Regex ActionReference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCaseName();
}
