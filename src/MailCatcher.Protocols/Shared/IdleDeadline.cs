using System.Buffers;
using System.Diagnostics;

namespace MailCatcher.Protocols.Shared;

/// <summary>
/// The idle deadline of a protocol session's read loop: the token for each read cancels when the
/// client has made no progress for the timeout (RFC 5321 §4.5.3.2.7, RFC 1939 §3, RFC 3501 §5.4)
/// or the host stops. One timer source, reset after every read instead of allocated per read.
/// </summary>
/// <remarks>
/// Progress is a complete line (a command, or a line of message content) or at least
/// <see cref="ProgressBytes"/> octets in one read, reported by <see cref="Progress"/>. A byte every
/// few seconds (slowloris) is not progress: it would otherwise hold a connection slot for ever
/// while never finishing a command (issue 16).
/// </remarks>
public sealed class IdleDeadline : IDisposable
{
    /// <summary>Octets arriving in one read that count as progress even without a line end.</summary>
    public const int ProgressBytes = 1024;

    private readonly CancellationToken _stopping;
    private readonly TimeSpan _timeout;
    private CancellationTokenSource _source;
    private long _lastProgress = Stopwatch.GetTimestamp();
    private bool _progressed;
    private long _carried;

    public IdleDeadline(TimeSpan timeout, CancellationToken stopping)
    {
        _stopping = stopping;
        _timeout = timeout;
        _source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>Starts the timer for the next read (the time since the last progress counts) and returns the token to read with.</summary>
    public CancellationToken StartRead()
    {
        if (_progressed)
        {
            _progressed = false;
            _lastProgress = Stopwatch.GetTimestamp();
        }
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return _source.Token;
        }
        var left = _timeout - Stopwatch.GetElapsedTime(_lastProgress);
        if (left <= TimeSpan.Zero)
        {
            _source.Cancel();
        }
        else
        {
            _source.CancelAfter(left);
        }
        return _source.Token;
    }

    /// <summary>
    /// Stops the timer after a read completed. When it fired just after the read had already
    /// completed, the bytes are here and must still be served: a fresh source replaces the
    /// cancelled one (and is born cancelled if the host is stopping, so the next read reports that).
    /// </summary>
    public void ReadCompleted()
    {
        if (_source.TryReset())
        {
            return;
        }
        _source.Dispose();
        _source = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
    }

    /// <summary>
    /// Tells what the session did with a read: <paramref name="read"/> is the whole buffer the read
    /// returned, <paramref name="left"/> the part not consumed (what the session hands back unread).
    /// Consuming a line end, a line end among the newly arrived octets, or many new octets at once
    /// restart the deadline at the next <see cref="StartRead"/>.
    /// </summary>
    public void Progress(in ReadOnlySequence<byte> read, in ReadOnlySequence<byte> left)
    {
        var consumed = read.Slice(0, read.Length - left.Length);
        var arrived = read.Slice(Math.Min(_carried, read.Length));
        _carried = left.Length;
        _progressed |= arrived.Length >= ProgressBytes
            || consumed.PositionOf((byte)'\n') is not null
            || arrived.PositionOf((byte)'\n') is not null;
    }

    public void Dispose() => _source.Dispose();
}
