using Slipway.Catalog;

namespace Slipway.Tests.Catalog;

public sealed class ImageCatalogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-catalog-").FullName;

    [Fact]
    public void ReadmeFromVersionFolderFirst()
    {
        Write("images/web/1.0/Dockerfile", "FROM scratch\n");
        Write("images/web/1.0/README.md", "version");
        Write("images/web/README.md", "name");
        Write("README.md", "root");

        var image = Assert.Single(ImageCatalog.Discover(_root));

        Assert.Equal(Full("images/web/1.0/README.md"), image.ReadmePath);
    }

    [Fact]
    public void ReadmeFallsBackToNameFolderThenRoot()
    {
        Write("images/web/1.0/Dockerfile", "FROM scratch\n");
        Write("images/web/README.md", "name");
        Write("images/db/1.0/Dockerfile", "FROM scratch\n");
        Write("README.md", "root");

        var images = ImageCatalog.Discover(_root).ToDictionary(i => i.Id);

        Assert.Equal(Full("images/web/README.md"), images["web/1.0"].ReadmePath);
        Assert.Equal(Full("README.md"), images["db/1.0"].ReadmePath);
    }

    [Fact]
    public void SettingsNameReadmeAndContext()
    {
        Write("images/tool/1.0/Dockerfile", "FROM scratch\n");
        Write("images/tool/docs/TOOL.md", "docs");
        Write("images/tool/image.yml", "readme: docs/TOOL.md\ntags: [latest]\nbuildArgs: {A: name, B: name}\n");
        Write("images/tool/1.0/image.yml", "context: ..\nbuildArgs: {B: version}\npush: false\n");

        var image = Assert.Single(ImageCatalog.Discover(_root));

        Assert.Equal(Full("images/tool/docs/TOOL.md"), image.ReadmePath);
        Assert.Equal(Full("images/tool"), image.ContextDirectory);
        Assert.Equal(Full("images/tool/1.0/Dockerfile"), image.DockerfilePath);
        Assert.Equal(["1.0", "latest"], image.Tags);
        Assert.Equal("name", image.BuildArgs["A"]);
        Assert.Equal("version", image.BuildArgs["B"]);
        Assert.False(image.Push);
    }

    [Theory]
    [InlineData("images/Web/1.0/Dockerfile", "images/Web", "'Web' is not a valid image name")]
    [InlineData("images/web/.1/Dockerfile", "images/web/.1", "'.1' is not a valid tag")]
    public void InvalidFolderNamesAreNamed(string dockerfile, string folder, string message)
    {
        Write(dockerfile, "FROM scratch\n");

        var error = Assert.Throws<CatalogException>(() => ImageCatalog.Discover(_root));

        Assert.Contains(folder, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("tags: [\"bad tag\"]\n", "tag 'bad tag' is not a valid tag")]
    [InlineData("context: missing\n", "context 'images/web/1.0/missing' does not exist")]
    [InlineData("context: ../../../..\n", "is outside the repository")]
    [InlineData("colour: blue\n", "invalid settings: unknown key 'colour'. Known keys:")]
    [InlineData("tags: [latest]\nbuildarg: {A: b}\n", "image.yml:2: invalid settings: unknown key 'buildarg'")]
    [InlineData("network: bridge2\n", "network 'bridge2' is not supported")]
    public void InvalidSettingsNameFileAndValue(string settings, string message)
    {
        Write("images/web/1.0/Dockerfile", "FROM scratch\n");
        Write("images/web/1.0/image.yml", settings);

        var error = Assert.Throws<CatalogException>(() => ImageCatalog.Discover(_root));

        Assert.Contains("images/web/1.0", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void EveryProblemIsReported()
    {
        Write("images/A/1.0/Dockerfile", "FROM scratch\n");
        Write("images/b/1.0/Dockerfile", "FROM scratch\n");
        Write("images/b/1.0/image.yml", "tags: [\"-x\"]\n");

        var error = Assert.Throws<CatalogException>(() => ImageCatalog.Discover(_root));

        Assert.Contains("images/A", error.Message);
        Assert.Contains("'-x'", error.Message);
    }

    private void Write(string relative, string text)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Full(string relative) => Path.GetFullPath(Path.Combine(_root, relative));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
