using MailCatcher.Relay.Queue;

namespace MailCatcher.Relay.Tests;

/// <summary>RFC 5321 §4.5.4.1: growing retry intervals, then give up.</summary>
public sealed class BackoffScheduleTests
{
    private static readonly DateTime Queued = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(4, 30)]
    [InlineData(5, 60)]
    [InlineData(6, 60)]
    [InlineData(40, 60)]
    public void Default_schedule_is_1_5_15_30_60_minutes_and_the_last_repeats(int failures, int minutes)
    {
        var schedule = new BackoffSchedule(null, TimeSpan.FromHours(24));
        Assert.Equal(TimeSpan.FromMinutes(minutes), schedule.DelayAfter(failures));
    }

    [Fact]
    public void Next_attempt_is_the_failure_time_plus_the_interval()
    {
        var schedule = new BackoffSchedule(null, TimeSpan.FromHours(24));
        var failedAt = Queued.AddMinutes(6);
        Assert.Equal(failedAt.AddMinutes(15), schedule.NextAttempt(Queued, failedAt, failures: 3));
    }

    [Fact]
    public void After_the_give_up_time_there_is_no_next_attempt()
    {
        var schedule = new BackoffSchedule(null, TimeSpan.FromHours(24));
        Assert.Null(schedule.NextAttempt(Queued, Queued.AddHours(24), failures: 30));
        Assert.Null(schedule.NextAttempt(Queued, Queued.AddHours(25), failures: 30));
    }

    [Fact]
    public void A_next_attempt_past_the_give_up_time_moves_to_it_so_the_last_try_happens()
    {
        var schedule = new BackoffSchedule(null, TimeSpan.FromHours(24));
        var failedAt = Queued.AddHours(23).AddMinutes(30);
        Assert.Equal(Queued.AddHours(24), schedule.NextAttempt(Queued, failedAt, failures: 30));
    }

    [Fact]
    public void Configured_schedule_replaces_the_default()
    {
        var schedule = new BackoffSchedule([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.DelayAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.DelayAfter(3));
    }

    [Fact]
    public void Negative_interval_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BackoffSchedule([TimeSpan.FromSeconds(-1)], TimeSpan.FromHours(1)));
    }
}
