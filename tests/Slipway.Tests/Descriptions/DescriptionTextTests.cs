using System.Text;
using Slipway.Descriptions;
using Xunit;

namespace Slipway.Tests.Descriptions;

public sealed class DescriptionTextTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void Fit_TextWithinLimit_IsUnchanged()
    {
        var result = DescriptionText.Fit("héllo", 6, "cut");

        Assert.Equal("héllo", result.Text);
        Assert.False(result.WasCut);
        Assert.Equal(6, result.OriginalBytes);
    }

    [Theory]
    [InlineData("é", 2)]
    [InlineData("€", 3)]
    [InlineData("😀", 4)]
    public void Fit_LimitInsideCharacter_DropsWholeCharacter(string character, int characterBytes)
    {
        const string notice = "N";
        for (var overlap = 1; overlap < characterBytes; overlap++)
        {
            // 10 ASCII bytes, then the character straddles the budget by `overlap` bytes.
            var text = "0123456789" + character + "tail";
            var maxBytes = 10 + overlap + "\n\n".Length + notice.Length;

            var result = DescriptionText.Fit(text, maxBytes, notice);

            Assert.True(result.WasCut);
            Assert.Equal("0123456789\n\nN", result.Text);
            Assert.True(StrictUtf8.GetByteCount(result.Text) <= maxBytes);
        }
    }

    [Fact]
    public void Fit_LimitAfterCharacter_KeepsIt()
    {
        var result = DescriptionText.Fit("ab😀cdefg", 2 + 4 + 3, "N");

        Assert.Equal("ab😀\n\nN", result.Text);
        Assert.Equal(9, StrictUtf8.GetByteCount(result.Text));
        Assert.Equal(11, result.OriginalBytes);
    }

    [Fact]
    public void Fit_ManyEmoji_NeverSplitsSurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀é", 2_000));
        for (var maxBytes = 20; maxBytes < 40; maxBytes++)
        {
            var result = DescriptionText.Fit(text, maxBytes, "N");

            var bytes = StrictUtf8.GetBytes(result.Text);
            Assert.True(bytes.Length <= maxBytes, $"{bytes.Length} > {maxBytes}");
            Assert.EndsWith("\n\nN", result.Text);
        }
    }

    [Fact]
    public void Fit_TrailingWhitespaceBeforeNotice_IsTrimmed()
    {
        var result = DescriptionText.Fit("word   \n\n  more text here", 12, "N");

        Assert.Equal("word\n\nN", result.Text);
    }

    [Fact]
    public void Fit_NoticeLongerThanLimit_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => DescriptionText.Fit(new string('a', 50), 10, "a long notice"));

        Assert.Contains("limit is 10 bytes", exception.Message);
    }

    [Fact]
    public void CutNotice_ContainsReadmeUrl()
    {
        var notice = DescriptionText.CutNotice("https://example.test/README.md");

        Assert.Contains("https://example.test/README.md", notice);
        Assert.Contains("truncated", notice);
        Assert.DoesNotContain('\n', notice);
    }

    [Fact]
    public void FitLine_CutsAtSpaceAndAddsEllipsis()
    {
        var result = DescriptionText.FitLine("alpha beta gamma delta", 16);

        Assert.Equal("alpha beta…", result.Text);
        Assert.True(result.WasCut);
        Assert.True(Encoding.UTF8.GetByteCount(result.Text) <= 16);
    }
}
