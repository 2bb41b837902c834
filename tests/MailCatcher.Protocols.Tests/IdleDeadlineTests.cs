using System.Buffers;
using System.Text;
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
        deadline.Progress(Bytes("NOOP\r\n"), Bytes(""));
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

    /// <summary>Issue 16: a slowloris client's byte every so often is no progress; the deadline runs on from the last line.</summary>
    [Fact]
    public void Single_bytes_without_a_line_end_do_not_restart_the_timer()
    {
        using var deadline = new IdleDeadline(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var token = deadline.StartRead();
        var pending = "";
        foreach (var b in "NOO")
        {
            Thread.Sleep(120);
            deadline.ReadCompleted();
            pending += b;
            deadline.Progress(Bytes(pending), Bytes(pending)); // a partial command: nothing consumed
            token = deadline.StartRead();
        }
        Assert.True(token.IsCancellationRequested || token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData("NOOP\r\n", "")] // a command consumed
    [InlineData("a LOGIN {5}\r\n", "a LOGIN {5}\r\n")] // a line arrived, waiting for its literal
    public void A_line_end_restarts_the_timer(string read, string left)
    {
        using var deadline = new IdleDeadline(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        deadline.StartRead();
        Thread.Sleep(200);
        deadline.ReadCompleted();
        deadline.Progress(Bytes(read), Bytes(left));
        var token = deadline.StartRead();
        Assert.False(token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public void A_line_end_counts_once_not_again_while_it_waits_unconsumed()
    {
        using var deadline = new IdleDeadline(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        deadline.StartRead();
        deadline.ReadCompleted();
        deadline.Progress(Bytes("a LOGIN {5}\r\n"), Bytes("a LOGIN {5}\r\n"));
        deadline.StartRead();
        Thread.Sleep(350);
        deadline.ReadCompleted();
        deadline.Progress(Bytes("a LOGIN {5}\r\nx"), Bytes("a LOGIN {5}\r\nx")); // one literal octet, 350 ms later
        Assert.True(deadline.StartRead().IsCancellationRequested);
    }

    [Fact]
    public void Many_octets_in_one_read_are_progress_without_a_line_end()
    {
        using var deadline = new IdleDeadline(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        deadline.StartRead();
        Thread.Sleep(350);
        deadline.ReadCompleted();
        var chunk = new string('x', IdleDeadline.ProgressBytes);
        deadline.Progress(Bytes(chunk), Bytes("")); // DATA content of one long line
        Assert.False(deadline.StartRead().IsCancellationRequested);
    }

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.ASCII.GetBytes(text));
}
