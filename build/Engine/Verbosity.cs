namespace Slipway.Engine;

/// <summary>
/// How much the build logs: Quiet shows errors, Minimal adds warnings, Normal adds information and Verbose adds
/// debug and verbose messages.
/// </summary>
internal enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
