using Slipway.References;
using Xunit;

namespace Slipway.Tests.References;

// Expected values follow distribution/reference v0.5+ (the grammar and ParseNormalizedNamed that the Docker CLI
// uses) and opencontainers/go-digest for digest algorithms.
public class ImageReferenceTests
{
    private const string Sha256 = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("alpine", "", "alpine", null, null)]
    [InlineData("alpine:3.19", "", "alpine", "3.19", null)]
    [InlineData("library/alpine", "", "library/alpine", null, null)]
    [InlineData("localhost/app", "localhost", "app", null, null)]
    [InlineData("localhost:5000/a/b", "localhost:5000", "a/b", null, null)]
    [InlineData("127.0.0.1:5000/acme/x:1.0", "127.0.0.1:5000", "acme/x", "1.0", null)]
    [InlineData("[::1]:5000/app:v2", "[::1]:5000", "app", "v2", null)]
    [InlineData("ghcr.io/org/tool:v1_2-rc.3", "ghcr.io", "org/tool", "v1_2-rc.3", null)]
    [InlineData("Registry/app", "Registry", "app", null, null)]
    [InlineData("ab__c-d---e_f/g.h", "", "ab__c-d---e_f/g.h", null, null)]
    [InlineData("alpine@" + Sha256, "", "alpine", null, Sha256)]
    [InlineData("alpine:3@" + Sha256, "", "alpine", "3", Sha256)]
    public void ParseSplitsParts(string text, string domain, string path, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(domain, reference.Domain);
        Assert.Equal(path, reference.Path);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("", "at least one component")]
    [InlineData("Alpine", "repository name must be lowercase")]
    [InlineData("acme/App:1", "repository name must be lowercase")]
    [InlineData("alpine:", "tag \"\" is invalid")]
    [InlineData("alpine:-x", "tag \"-x\" is invalid")]
    [InlineData("alpine:a+b", "tag \"a+b\" is invalid")]
    [InlineData("a//b", "path component \"\" is invalid")]
    [InlineData("a_-b", "path component \"a_-b\" is invalid")]
    [InlineData("a___b", "path component \"a___b\" is invalid")]
    [InlineData("-a", "path component \"-a\" is invalid")]
    [InlineData("a.", "path component \"a.\" is invalid")]
    [InlineData("a:b/c", "registry domain \"a:b\" is invalid")]
    [InlineData("-bad.io/x", "registry domain \"-bad.io\" is invalid")]
    [InlineData("a.b__c/x", "registry domain \"a.b__c\" is invalid")]
    [InlineData("localhost:5000/", "at least one component")]
    [InlineData("alpine@sha256:abc", "digest \"sha256:abc\" is invalid")]
    [InlineData("alpine@md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm \"md5\"")]
    [InlineData("alpine@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "lower-case hex")]
    public void ParseRejectsInvalidReference(string text, string reason)
    {
        Assert.False(ImageReference.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains($"\"{text}\"", error);
        Assert.Contains(reason, error);

        var exception = Assert.Throws<FormatException>(() => ImageReference.Parse(text));
        Assert.Equal(error, exception.Message);
    }

    [Theory]
    [InlineData("alpine", "docker.io/library/alpine:latest")]
    [InlineData("alpine:3.19", "docker.io/library/alpine:3.19")]
    [InlineData("acme/app", "docker.io/acme/app:latest")]
    [InlineData("docker.io/alpine", "docker.io/library/alpine:latest")]
    [InlineData("index.docker.io/alpine:1", "docker.io/library/alpine:1")]
    [InlineData("localhost:5000/a/b", "localhost:5000/a/b:latest")]
    [InlineData("localhost/app", "localhost/app:latest")]
    [InlineData("127.0.0.1:5000/acme/x:1.0", "127.0.0.1:5000/acme/x:1.0")]
    [InlineData("alpine@" + Sha256, "docker.io/library/alpine@" + Sha256)]
    public void NormalizeFillsDefaults(string text, string expected)
    {
        var normalized = ImageReference.Parse(text).Normalize();

        Assert.Equal(expected, normalized.ToString());
        Assert.Equal(normalized, normalized.Normalize());
    }

    [Fact]
    public void RepositoryJoinsDomainAndPath()
    {
        Assert.Equal("alpine", ImageReference.Parse("alpine:3").Repository);
        Assert.Equal("docker.io/library/alpine", ImageReference.Parse("alpine:3").Normalize().Repository);
        Assert.Equal("localhost:5000/a/b", ImageReference.Parse("localhost:5000/a/b:1").Repository);
    }

    [Theory]
    [InlineData(253, true)]
    [InlineData(255, true)]
    [InlineData(256, false)]
    public void ParseLimitsNameLength(int length, bool valid)
    {
        // The limit counts the name as written (domain and path), not the tag.
        var name = "example.io/" + new string('a', length - "example.io/".Length);

        var parsed = ImageReference.TryParse(name + ":tag", out _, out var error);

        Assert.Equal(valid, parsed);
        if (!valid)
        {
            Assert.Contains("must not be more than 255 characters", error);
        }
    }

    [Theory]
    [InlineData("latest", true)]
    [InlineData("_x", true)]
    [InlineData("v1.2-rc_3", true)]
    [InlineData(".x", false)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    public void IsValidTagFollowsGrammar(string tag, bool expected)
    {
        Assert.Equal(expected, ImageReference.IsValidTag(tag));
    }

    [Fact]
    public void IsValidTagLimitsLength()
    {
        Assert.True(ImageReference.IsValidTag(new string('a', 128)));
        Assert.False(ImageReference.IsValidTag(new string('a', 129)));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("a.b_c__d-e--f", true)]
    [InlineData("A", false)]
    [InlineData("a..b", false)]
    [InlineData("a/b", false)]
    public void IsValidPathComponentFollowsGrammar(string component, bool expected)
    {
        Assert.Equal(expected, ImageReference.IsValidPathComponent(component));
    }

    [Theory]
    [InlineData("acme/app", null)]
    [InlineData("localhost:5000/app", null)]
    [InlineData("acme/App", "must be lowercase")]
    [InlineData("acme/app:1", "must not contain a tag or digest")]
    [InlineData("", "at least one component")]
    public void ValidateRepositoryNameReportsReason(string name, string? reason)
    {
        var error = ImageReference.ValidateRepositoryName(name);

        if (reason is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(reason, error);
        }
    }
}
