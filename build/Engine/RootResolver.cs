namespace Slipway.Engine;

/// <summary>
/// Finds the build's root directory: --root, else NUKE_ROOT, else the nearest folder upwards from the working
/// directory that contains a .nuke directory.
/// </summary>
internal static class RootResolver
{
    public static string Resolve(
        string? rootOption, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var given = rootOption ?? environment.GetValueOrDefault("NUKE_ROOT");
        if (!string.IsNullOrEmpty(given))
        {
            var path = Path.GetFullPath(given, workingDirectory);
            return Directory.Exists(path)
                ? path
                : throw new UsageException($"Root directory {path} does not exist.");
        }

        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        throw new UsageException(
            $"No root directory found: neither {workingDirectory} nor any parent folder contains a .nuke folder. " +
            "Create a .nuke folder at the repository root, or pass --root <path>.");
    }
}
