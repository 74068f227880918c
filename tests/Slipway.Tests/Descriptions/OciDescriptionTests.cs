using Slipway.Descriptions;
using Xunit;

namespace Slipway.Tests.Descriptions;

public sealed class OciDescriptionTests
{
    [Fact]
    public void ShortDescription_WinsOverReadme()
    {
        Assert.Equal("Static web server", OciDescription.From("  Static   web\nserver ", "# Web\n\nReadme text."));
    }

    [Fact]
    public void Readme_FirstParagraphAfterHeadingsBadgesAndComments()
    {
        const string readme = """
            <!-- generated: do not edit
            this comment spans lines -->
            # static-web

            [![Build](https://ci.example/badge.svg)](https://ci.example) ![Size](https://img.example/size.svg)
            <p align="center"><img src="logo.png"></p>

            A **small** _static_ web server with [gzip](docs/gzip.md) and `brotli`
            support, built on ~~nginx~~ *caddy*.

            Second paragraph.
            """;

        Assert.Equal("A small static web server with gzip and brotli support, built on nginx caddy.",
            OciDescription.From(null, readme));
    }

    [Fact]
    public void Readme_SkipsSetextHeadingAndCode()
    {
        const string readme = """
            Web image
            =========

            ```sh
            docker run web
            ```

            Serves files.
            """;

        Assert.Equal("Serves files.", OciDescription.From("", readme));
    }

    [Fact]
    public void Readme_KeepsSnakeCaseAndDecodesEntities()
    {
        Assert.Equal("Set max_body_size & restart.", OciDescription.From(null, "Set `max_body_size` &amp; restart."));
    }

    [Fact]
    public void Readme_WithoutParagraph_ReturnsEmpty()
    {
        Assert.Equal("", OciDescription.From(null, "# Title\n\n![logo](logo.png)\n"));
    }

    [Fact]
    public void LongText_IsTruncatedAtWordWithEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));

        var result = OciDescription.From(text, "");

        Assert.True(result.Length <= OciDescription.MaxLength, $"{result.Length} characters");
        Assert.EndsWith("word…", result);
    }

    [Fact]
    public void LongText_NeverSplitsSurrogatePair()
    {
        var text = new string('a', 510) + "😀😀😀";

        var result = OciDescription.From(text, "");

        Assert.True(result.Length <= OciDescription.MaxLength);
        Assert.Equal(new string('a', 510) + "…", result);
    }
}
