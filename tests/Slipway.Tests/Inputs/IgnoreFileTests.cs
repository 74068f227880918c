using Slipway.Inputs;
using Xunit;

namespace Slipway.Tests.Inputs;

// BuildKit's Dockerfile frontend reads "<Dockerfile name>.dockerignore" beside the Dockerfile instead of the
// context's .dockerignore when it exists (Docker documentation, "Build context", since BuildKit 0.9).
public class IgnoreFileTests
{
    [Fact]
    public void LoadPrefersDockerfileSpecificFile()
    {
        using var context = new TemporaryContext();
        context.AddFile(".dockerignore", "general");
        var specific = context.AddFile("docker/app.Dockerfile.dockerignore", "specific\n!keep");
        var dockerfile = context.AddFile("docker/app.Dockerfile");

        var ignore = ContextScanner.LoadIgnoreFile(context.Root, dockerfile, out var path);

        Assert.Equal(specific, path);
        Assert.Equal(["specific", "!keep"], ignore.Patterns);
    }

    [Fact]
    public void LoadFallsBackToContextFile()
    {
        using var context = new TemporaryContext();
        var general = context.AddFile(".dockerignore", "general");
        var dockerfile = context.AddFile("Dockerfile");

        var ignore = ContextScanner.LoadIgnoreFile(context.Root, dockerfile, out var path);

        Assert.Equal(general, path);
        Assert.Equal(["general"], ignore.Patterns);
    }

    [Fact]
    public void LoadReturnsEmptyWithoutFile()
    {
        using var context = new TemporaryContext();
        var dockerfile = context.AddFile("Dockerfile");

        var ignore = ContextScanner.LoadIgnoreFile(context.Root, dockerfile, out var path);

        Assert.Null(path);
        Assert.Same(DockerIgnore.Empty, ignore);
    }

    [Fact]
    public void LoadNamesFileInParseError()
    {
        using var context = new TemporaryContext();
        var general = context.AddFile(".dockerignore", "ok\n!");
        var dockerfile = context.AddFile("Dockerfile");

        var error = Assert.Throws<FormatException>(() => ContextScanner.LoadIgnoreFile(context.Root, dockerfile, out _));

        Assert.Contains(general, error.Message);
        Assert.Contains("line 2", error.Message);
    }
}
