namespace Slipway.Descriptions;

/// <summary>
/// Retry settings for registry API requests. Responses 429 and 5xx and network errors are retried; 429 waits as
/// long as its Retry-After header requests, the others back off exponentially. Tests replace
/// <see cref="Delay"/> to record the requested delays without waiting.
/// </summary>
public sealed class RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>Maximum attempts per request, the first one included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before attempt 2. Each later attempt doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Maximum wait that a 429 response may request. A longer wait fails the request instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Waits for the given time. Defaults to <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>Clock used to turn Retry-After dates and Unix timestamps into delays.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Returns the backoff delay after <paramref name="failedAttempts"/> (1 or more) failures.</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return delay;
    }
}
