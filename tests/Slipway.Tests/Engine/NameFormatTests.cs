using Slipway.Engine;
using Xunit;

namespace Slipway.Tests.Engine;

public sealed class NameFormatTests
{
    [Theory]
    [InlineData("MaxParallel", "max-parallel")]
    [InlineData("NoPush", "no-push")]
    [InlineData("Registry", "registry")]
    [InlineData("HTTPServer", "http-server")]
    [InlineData("ApiKey2", "api-key2")]
    [InlineData("Build2Images", "build2-images")]
    public void KebabCase_SplitsWords(string name, string expected)
    {
        Assert.Equal(expected, NameFormat.ToKebabCase(name));
    }

    [Fact]
    public void SummaryDuration_UsesMinutesAndSeconds()
    {
        Assert.Equal("< 1sec", SummaryWriter.FormatDuration(TimeSpan.FromMilliseconds(999)));
        Assert.Equal("0:01", SummaryWriter.FormatDuration(TimeSpan.FromSeconds(1)));
        Assert.Equal("2:05", SummaryWriter.FormatDuration(TimeSpan.FromSeconds(125)));
        Assert.Equal("75:00", SummaryWriter.FormatDuration(TimeSpan.FromMinutes(75)));
    }
}
