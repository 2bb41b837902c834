using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Tests;

public sealed class IdleDeadlineTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_silent_client_runs_out_the_timer()
    {
        using var deadline = new IdleDeadline(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        var token = deadline.StartRead();
        Assert.True(token.WaitHandle.WaitOne(Bound));
    }

    [Fact]
    public void A_read_that_completed_as_the_timer_fired_is_still_served()
    {
        using var deadline = new IdleDeadline(TimeSpan.FromSeconds(1), CancellationToken.None);
        var first = deadline.StartRead();
        Assert.True(first.WaitHandle.WaitOne(Bound)); // the timer fired; say the read had completed just before

        deadline.ReadCompleted();
        var next = deadline.StartRead();

        Assert.False(next.IsCancellationRequested);
        Assert.True(next.WaitHandle.WaitOne(Bound)); // and the new read has a timer of its own
    }

    [Fact]
    public void A_read_that_completed_in_time_keeps_the_same_source()
    {
        using var deadline = new IdleDeadline(TimeSpan.FromMinutes(5), CancellationToken.None);
        var first = deadline.StartRead();
        deadline.ReadCompleted();
        Assert.Equal(first, deadline.StartRead());
        Assert.False(first.IsCancellationRequested);
    }

    [Fact]
    public void Once_the_host_stops_every_next_read_is_cancelled()
    {
        using var stopping = new CancellationTokenSource();
        using var deadline = new IdleDeadline(TimeSpan.FromMinutes(5), stopping.Token);
        Assert.False(deadline.StartRead().IsCancellationRequested);

        stopping.Cancel();
        deadline.ReadCompleted();

        Assert.True(deadline.StartRead().IsCancellationRequested);
    }
}
