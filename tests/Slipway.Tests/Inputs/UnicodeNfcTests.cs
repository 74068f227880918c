using Slipway.Inputs;
using Xunit;

namespace Slipway.Tests.Inputs;

public class UnicodeNfcTests
{
    [Theory]
    [InlineData("plain.txt", "plain.txt")]
    [InlineData("cafe\u0301", "caf\u00e9")]
    [InlineData("\u00e9", "\u00e9")]
    [InlineData("\u1100\u1161", "\uac00")]
    [InlineData("A\u030a", "\u00c5")]
    public void NormalizeComposes(string text, string expected)
    {
        Assert.True(UnicodeNfc.IsAvailable);
        Assert.Equal(expected, UnicodeNfc.Normalize(text));
    }
}
