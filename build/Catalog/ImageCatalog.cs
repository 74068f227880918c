using Serilog;
using Slipway.References;

namespace Slipway.Catalog;

/// <summary>
/// Finds every <c>images/&lt;name&gt;/&lt;version&gt;/Dockerfile</c> and applies its settings. All problems are
/// collected and reported together, before anything builds.
/// </summary>
public static class ImageCatalog
{
    public const string ImagesFolder = "images";
    public const string ReadmeFileName = "README.md";

    public static IReadOnlyList<ImageDefinition> Discover(string root)
    {
        var imagesRoot = Path.Combine(root, ImagesFolder);
        if (!Directory.Exists(imagesRoot))
            throw new CatalogException($"No {ImagesFolder}/ folder under {root}. Put each image at " +
                                       $"{ImagesFolder}/<name>/<version>/Dockerfile.");

        var images = new List<ImageDefinition>();
        var problems = new List<string>();
        foreach (var nameFolder in Directory.GetDirectories(imagesRoot).Order(StringComparer.Ordinal))
        {
            foreach (var versionFolder in Directory.GetDirectories(nameFolder).Order(StringComparer.Ordinal))
            {
                if (!File.Exists(Path.Combine(versionFolder, "Dockerfile")))
                {
                    WarnAboutMisnamedDockerfile(root, versionFolder);
                    continue;
                }
                try
                {
                    images.Add(Define(root, nameFolder, versionFolder));
                }
                catch (CatalogException e)
                {
                    problems.Add(e.Message);
                }
            }
        }

        if (problems.Count > 0)
            throw new CatalogException(string.Join(Environment.NewLine, problems));
        if (images.Count == 0)
            Log.Warning("No images found: add {Folder}/<name>/<version>/Dockerfile", ImagesFolder);
        return images;
    }

    /// <summary>
    /// Warns about a folder whose Dockerfile differs only in case, which would silently not be an image.
    /// </summary>
    private static void WarnAboutMisnamedDockerfile(string root, string folder)
    {
        var misnamed = Directory.EnumerateFiles(folder)
            .FirstOrDefault(f => Path.GetFileName(f).Equals("Dockerfile", StringComparison.OrdinalIgnoreCase));
        if (misnamed is not null)
            Log.Warning("{File} is not an image, because the file must be named exactly Dockerfile; rename it",
                Relative(root, misnamed));
    }

    private static ImageDefinition Define(string root, string nameFolder, string versionFolder)
    {
        var name = Path.GetFileName(nameFolder);
        var version = Path.GetFileName(versionFolder);
        var relativeFolder = Relative(root, versionFolder);
        if (ImageReference.ValidateRepositoryName(name) is { } nameError)
            throw new CatalogException($"{Relative(root, nameFolder)}: '{name}' is not a valid image name " +
                                       $"({nameError}). " +
                                       "Rename the folder to lowercase letters, digits and . _ - separators.");
        if (!ImageReference.IsValidTag(version))
            throw new CatalogException($"{relativeFolder}: '{version}' is not a valid tag. Rename the folder to " +
                                       "letters, digits, '_', '.' and '-' " +
                                       "(at most 128, not starting with '.' or '-').");

        var nameSettings = ImageSettingsFile.Read(nameFolder, root);
        var versionSettings = ImageSettingsFile.Read(versionFolder, root);
        var settingsFiles = new[] { (nameFolder, nameSettings), (versionFolder, versionSettings) }
            .Where(s => s.Item2 is not null).Select(s => Path.Combine(s.Item1, ImageSettingsFile.FileName)).ToList();

        string? PathSetting(Func<ImageSettings, string?> select, out string? settingsFile)
        {
            foreach (var (folder, settings) in new[] { (versionFolder, versionSettings), (nameFolder, nameSettings) })
            {
                if (settings is not null && select(settings) is { Length: > 0 } value)
                {
                    settingsFile = Path.Combine(folder, ImageSettingsFile.FileName);
                    return Path.GetFullPath(Path.Combine(folder, value));
                }
            }

            settingsFile = null;
            return null;
        }

        var context = PathSetting(s => s.Context, out var contextFile) ?? versionFolder;
        RequireInside(root, context, contextFile, "context", Directory.Exists);
        var dockerfile = PathSetting(s => s.Dockerfile, out var dockerfileFile) ??
            Path.Combine(versionFolder, "Dockerfile");
        RequireInside(root, dockerfile, dockerfileFile, "dockerfile", File.Exists);
        var readme = PathSetting(s => s.Readme, out var readmeFile);
        if (readme is not null)
            RequireInside(root, readme, readmeFile, "readme", File.Exists);
        readme ??= new[] { versionFolder, nameFolder, root }.Select(f => Path.Combine(f, ReadmeFileName))
            .FirstOrDefault(File.Exists);

        T? Pick<T>(Func<ImageSettings, T?> select) =>
            versionSettings is not null && select(versionSettings) is { } v ? v
            : nameSettings is not null ? select(nameSettings) : default;

        var tags = new List<string> { version };
        foreach (var tag in Pick(s => s.Tags) ?? [])
        {
            if (!ImageReference.IsValidTag(tag))
                throw new CatalogException($"{Relative(root, settingsFiles[^1])}: tag '{tag}' is not a valid tag. " +
                                           "Use letters, digits, '_', '.' and '-', at most 128 characters.");
            if (!tags.Contains(tag))
                tags.Add(tag);
        }

        var buildArgs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var settings in new[] { nameSettings, versionSettings })
        {
            foreach (var (key, value) in settings?.BuildArgs ?? [])
                buildArgs[key] = value ?? "";
        }

        var network = Pick(s => s.Network);
        if (network is not (null or "default" or "none" or "host"))
            throw new CatalogException($"{Relative(root, settingsFiles[^1])}: network '{network}' is not supported. " +
                                       "Use default, none or host.");

        return new ImageDefinition
        {
            Name = name,
            Version = version,
            Folder = versionFolder,
            ContextDirectory = context,
            DockerfilePath = dockerfile,
            ReadmePath = readme,
            Description = Pick(s => s.Description),
            Tags = tags,
            BuildArgs = buildArgs,
            Target = Pick(s => s.Target),
            Platforms = Pick(s => s.Platforms) ?? [],
            Network = network,
            Push = Pick(s => s.Push) ?? true,
            Test = Pick(s => s.Test) ?? [],
            SettingsFiles = settingsFiles,
        };
    }

    private static void RequireInside(string root, string path, string? settingsFile, string key,
        Func<string, bool> exists)
    {
        var where = settingsFile is null ? "default" : Relative(root, settingsFile);
        var relative = Relative(root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new CatalogException($"{where}: {key} '{path}' is outside the repository. Use a path inside it.");
        if (!exists(path))
            throw new CatalogException($"{where}: {key} '{relative}' does not exist. Fix the path (it is relative " +
                                       $"to the folder of {ImageSettingsFile.FileName}).");
    }

    internal static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');
}
