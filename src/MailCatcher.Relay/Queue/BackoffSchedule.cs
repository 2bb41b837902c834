namespace MailCatcher.Relay.Queue;

/// <summary>
/// When to try a deferred entry again. RFC 5321 §4.5.4.1: retry after a temporary failure with
/// growing intervals and give up after a fixed time. Here the n-th temporary failure waits the
/// n-th interval of the schedule (the last one repeats), and an entry whose retry period has
/// run out fails for good. A pure function of its inputs, so it is tested without clocks.
/// </summary>
public sealed class BackoffSchedule
{
    /// <summary>The default waits: 1, 5, 15, 30, 60 minutes.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultIntervals =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    public BackoffSchedule(IReadOnlyList<TimeSpan>? intervals, TimeSpan giveUpAfter)
    {
        Intervals = intervals is { Count: > 0 } ? intervals : DefaultIntervals;
        if (Intervals.Any(i => i < TimeSpan.Zero))
        {
            throw new ArgumentException("Retry intervals cannot be negative.", nameof(intervals));
        }
        GiveUpAfter = giveUpAfter;
    }

    public IReadOnlyList<TimeSpan> Intervals { get; }

    public TimeSpan GiveUpAfter { get; }

    /// <summary>The wait after the <paramref name="failures"/>-th temporary failure in a row (1-based).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        return Intervals[Math.Min(failures, Intervals.Count) - 1];
    }

    /// <summary>
    /// The next attempt after a temporary failure at <paramref name="now"/>, or null to give up:
    /// when the retry period that began at <paramref name="queuedAt"/> is over. A next attempt
    /// that would fall after the end of the period is moved to the end, so the last try happens.
    /// </summary>
    public DateTime? NextAttempt(DateTime queuedAt, DateTime now, int failures)
    {
        var deadline = queuedAt + GiveUpAfter;
        if (now >= deadline)
        {
            return null;
        }
        var next = now + DelayAfter(failures);
        return next > deadline ? deadline : next;
    }
}
