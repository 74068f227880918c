using Slipway.Descriptions;
using Xunit;

namespace Slipway.Tests.Descriptions;

public sealed class ReadmeLinksTests
{
    private const string Web = "https://github.com/acme/images";
    private const string Blob = Web + "/blob/abc123/";
    private const string Raw = Web + "/raw/abc123/";

    private static string Rewrite(string markdown, string folder = "images/web/1.0") =>
        ReadmeLinks.Rewrite(markdown, folder, Web + "/", "abc123");

    [Theory]
    [InlineData("images/web/1.0", "[a](b.md)", "[a](" + Blob + "images/web/1.0/b.md)")]
    [InlineData("images/web", "[a](./b.md)", "[a](" + Blob + "images/web/b.md)")]
    [InlineData("", "[a](b.md)", "[a](" + Blob + "b.md)")]
    [InlineData("images/web/1.0", "[a](../../../x/../LICENSE)", "[a](" + Blob + "LICENSE)")]
    [InlineData("images/web/1.0", "[a](../../../../../too-far.md)", "[a](" + Blob + "too-far.md)")]
    [InlineData("images/web/1.0", "[a](/docs/guide.md)", "[a](" + Blob + "docs/guide.md)")]
    [InlineData("images/web/1.0", "[a](docs/)", "[a](" + Blob + "images/web/1.0/docs/)")]
    [InlineData("images/web/1.0", "[a](b.md#usage)", "[a](" + Blob + "images/web/1.0/b.md#usage)")]
    [InlineData("images/web/1.0", "[a](b.md?plain=1)", "[a](" + Blob + "images/web/1.0/b.md?plain=1)")]
    [InlineData("images\\web\\", "[a](b.md)", "[a](" + Blob + "images/web/b.md)")]
    public void Link_ResolvesAgainstReadmeFolder(string folder, string markdown, string expected)
    {
        Assert.Equal(expected, Rewrite(markdown, folder));
    }

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("http://example.org/a")]
    [InlineData("//cdn.example.org/a.png")]
    [InlineData("mailto:team@example.org")]
    [InlineData("#configuration")]
    [InlineData("ftp://example.org/file")]
    [InlineData("data:image/png;base64,AAAA")]
    public void AbsoluteOrAnchorUrl_IsUntouched(string url)
    {
        var markdown = $"[x]({url}) ![y]({url}) <img src=\"{url}\"> [r]: {url}";

        Assert.Equal(markdown, Rewrite(markdown));
    }

    [Fact]
    public void Image_UsesRawUrl()
    {
        Assert.Equal($"![Logo]({Raw}images/web/1.0/logo.png \"The logo\")", Rewrite("![Logo](logo.png \"The logo\")"));
    }

    [Fact]
    public void BadgeLink_RewritesImageAndLink()
    {
        var result = Rewrite("[![build](badge.svg)](ci.md)");

        Assert.Equal($"[![build]({Raw}images/web/1.0/badge.svg)]({Blob}images/web/1.0/ci.md)", result);
    }

    [Fact]
    public void AngleBracketDestination_EncodesSpaces()
    {
        Assert.Equal($"[a](<{Blob}images/web/1.0/my%20file.md>)", Rewrite("[a](<my file.md>)"));
    }

    [Fact]
    public void ReferenceDefinitions_UseImageOrLinkUrl()
    {
        const string markdown = """
            ![Logo][logo] and [the guide][Guide] and ![diagram]

            [logo]: img/logo.png "Logo"
             [guide]: docs/guide.md
            [diagram]: <img/diagram one.svg>
            """;

        var expected = $"""
            ![Logo][logo] and [the guide][Guide] and ![diagram]

            [logo]: {Raw}images/web/1.0/img/logo.png "Logo"
             [guide]: {Blob}images/web/1.0/docs/guide.md
            [diagram]: <{Raw}images/web/1.0/img/diagram%20one.svg>
            """;
        Assert.Equal(expected, Rewrite(markdown));
    }

    [Fact]
    public void HtmlImageAndAnchor_AreRewritten()
    {
        const string markdown = """<p><a href='docs/index.md'><IMG alt="x" SRC="logo.png" width=80></a></p>""";

        var expected = $"""<p><a href='{Blob}images/web/1.0/docs/index.md'>""" +
            $"""<IMG alt="x" SRC="{Raw}images/web/1.0/logo.png" width=80></a></p>""";
        Assert.Equal(expected, Rewrite(markdown));
    }

    [Fact]
    public void CodeBlocksAndSpans_AreUntouched()
    {
        const string markdown = """
            Before [a](a.md).

            ```markdown
            [b](b.md) ![c](c.png) <img src="d.png">
            ```

            ~~~~
            [e](e.md)
            ```
            still code [f](f.md)
            ~~~~

               ```
            [g](g.md)
               ```

            Use `[h](h.md)` or ``[i](`i`.md)`` but not \`[j](j.md)`.
            """;

        var result = Rewrite(markdown, "");

        var expected = markdown
            .Replace("(a.md)", $"({Blob}a.md)")
            .Replace("[j](j.md)", $"[j]({Blob}j.md)");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void UnclosedFence_RunsToEnd()
    {
        const string markdown = "[a](a.md)\n```\n[b](b.md)\n";

        Assert.Equal($"[a]({Blob}a.md)\n```\n[b](b.md)\n", Rewrite(markdown, ""));
    }

    [Fact]
    public void UnmatchedBacktick_IsNotCode()
    {
        Assert.Equal($"a ` b [c]({Blob}c.md)", Rewrite("a ` b [c](c.md)", ""));
    }

    [Fact]
    public void CrlfLineEndings_ArePreserved()
    {
        const string markdown = "[a](a.md)\r\n```\r\n[b](b.md)\r\n```\r\n[c](c.md)\r\n";

        Assert.Equal($"[a]({Blob}a.md)\r\n```\r\n[b](b.md)\r\n```\r\n[c]({Blob}c.md)\r\n", Rewrite(markdown, ""));
    }
}
