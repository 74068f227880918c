namespace Slipway.Engine;

/// <summary>
/// Base class of a build: its Target properties are the targets and its [Parameter] members the parameters.
/// </summary>
public abstract partial class BuildHost
{
    private string _rootDirectory = "";

    /// <summary>Absolute path of the root directory, the folder that contains <c>.nuke/</c>.</summary>
    public string RootDirectory => _rootDirectory;

    /// <summary>Path of <c>&lt;root&gt;/.nuke/temp</c>; reading it creates the folder.</summary>
    public string TemporaryDirectory
    {
        get
        {
            var path = Path.Combine(RootDirectory, ".nuke", "temp");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>Whether the build runs on GitHub Actions, detected from GITHUB_ACTIONS=true.</summary>
    public bool IsGitHubActions { get; private set; }

    /// <summary>Names of the targets that the user requested, or the default targets when none was requested.</summary>
    public IReadOnlyList<string> InvokedTargets { get; private set; } = [];

    /// <summary>
    /// Creates targets at run time. Called after parameters are injected and before help and planning.
    /// </summary>
    protected virtual IEnumerable<DynamicTarget> CreateDynamicTargets() => [];

    /// <summary>Runs after planning and before the first target; not called for --help or --plan.</summary>
    protected virtual void OnBuildInitialized()
    {
    }

    /// <summary>Runs after the last target and before the summary.</summary>
    protected virtual void OnBuildFinished(bool succeeded)
    {
    }

    /// <summary>Sets the info column of the running target in the summary table.</summary>
    /// <exception cref="InvalidOperationException">No target action is running on this async flow.</exception>
    protected static void ReportSummary(string info)
    {
        var target = TargetExecutor.Current
            ?? throw new InvalidOperationException("ReportSummary can only be called from a running target's action.");
        target.Info = info;
    }

    internal void Initialize(string rootDirectory, bool isGitHubActions)
    {
        _rootDirectory = rootDirectory;
        IsGitHubActions = isGitHubActions;
    }

    internal void SetInvokedTargets(IReadOnlyList<string> names) => InvokedTargets = names;

    internal IEnumerable<DynamicTarget> InvokeCreateDynamicTargets() => CreateDynamicTargets();

    internal void InvokeOnBuildInitialized() => OnBuildInitialized();

    internal void InvokeOnBuildFinished(bool succeeded) => OnBuildFinished(succeeded);
}
