using Slipway.Descriptions;
using Xunit;

namespace Slipway.Tests.Descriptions;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 22, 1, 18, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 0 ", 0)]
    [InlineData("Thu, 01 May 2025 22:01:48 GMT", 30)]
    [InlineData("Thu, 01 May 2025 22:00:00 GMT", 0)]
    [InlineData("1746136938", 60)]
    [InlineData("1746136000", 0)]
    public void Parse_ReturnsDelay(string value, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfterHeader.Parse(value, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Parse_InvalidValue_ReturnsNull(string value)
    {
        Assert.Null(RetryAfterHeader.Parse(value, Now));
    }

    [Fact]
    public void Backoff_DoublesUpToMaximum()
    {
        var policy = new RetryPolicy { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5) };

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(n => policy.Backoff(n).TotalSeconds));
    }
}
