using System.Globalization;
using System.Net.Http.Headers;

namespace Slipway.Descriptions;

/// <summary>Reads the wait that a 429 response requests.</summary>
internal static class RetryAfterHeader
{
    // Values at or above this count as Unix timestamps (2001-09-09), below it as seconds. No server asks
    // for a wait of 31 years, and Docker Hub has sent timestamps in both headers.
    private const long UnixTimestampThreshold = 1_000_000_000;

    /// <summary>
    /// Returns the delay from <c>Retry-After</c> (seconds or an HTTP date, RFC 9110), else from Docker Hub's
    /// <c>X-Retry-After</c>, else null. Either header accepts seconds or a Unix timestamp, because Docker's Hub API
    /// reference called <c>X-Retry-After</c> a Unix timestamp until June 2025 (docker/docs pull request 22916) and
    /// Hub sent timestamps in <c>Retry-After</c> in May 2025 (docker/hub-feedback issue 2459).
    /// A time in the past gives zero.
    /// </summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("Retry-After", out var values) && Parse(values.First(), now) is { } retryAfter)
            return retryAfter;
        if (headers.TryGetValues("X-Retry-After", out var hubValues) && Parse(hubValues.First(), now) is { } hub)
            return hub;
        return null;
    }

    internal static TimeSpan? Parse(string value, DateTimeOffset now)
    {
        var trimmed = value.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number < UnixTimestampThreshold)
                return TimeSpan.FromSeconds(number);
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(number) - now);
        }

        if (DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date))
            return NotNegative(date - now);
        return null;
    }

    private static TimeSpan NotNegative(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
}
