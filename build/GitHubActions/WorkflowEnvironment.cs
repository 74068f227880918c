namespace Slipway.GitHubActions;

/// <summary>
/// Environment variables that the generated workflow sets for the build. Each name matches a build parameter under
/// the parameter lookup rule (letters and digits only, ignoring case, optional NUKE prefix), given in brackets.
/// </summary>
public static class WorkflowEnvironment
{
    /// <summary>
    /// Images of one matrix entry, as <c>name/version</c> joined by <c>+</c> (parameter <c>Images</c>).
    /// </summary>
    public const string Images = "IMAGES";

    /// <summary>
    /// The text of the manual run's <c>images</c> input: image names to rebuild even when unchanged, which the plan
    /// must split on spaces, commas or <c>+</c> (parameter <c>ForceImages</c>). Empty on other events.
    /// </summary>
    public const string ForceImages = "FORCE_IMAGES";

    /// <summary><c>true</c> on pull requests, <c>false</c> otherwise (parameter <c>NoPush</c>).</summary>
    public const string NoPush = "NO_PUSH";

    /// <summary>The matrix entry's group id, to keep one build cache per group (parameter <c>CacheScope</c>).</summary>
    public const string CacheScope = "CACHE_SCOPE";
}
