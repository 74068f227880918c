namespace Slipway.Tests.Inputs;

/// <summary>A build context directory under the system temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryContext : IDisposable
{
    public TemporaryContext()
    {
        Root = Directory.CreateTempSubdirectory("slipway-context-").FullName;
    }

    public string Root { get; }

    public string AddFile(string relativePath, string content = "", UnixFileMode? mode = null)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (mode is { } unixMode)
        {
            File.SetUnixFileMode(path, unixMode);
        }

        return path;
    }

    public void AddDirectory(string relativePath) => Directory.CreateDirectory(Path.Combine(Root, relativePath));

    public void AddLink(string relativePath, string target)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
