namespace MailCatcher.Protocols.Shared;

/// <summary>
/// The idle deadline of a protocol session's read loop: the token for each read cancels when the
/// client has been silent for the timeout (RFC 5321 §4.5.3.2.7, RFC 1939 §3, RFC 3501 §5.4) or
/// the host stops. One timer source, reset after every read instead of allocated per read.
/// </summary>
public sealed class IdleDeadline : IDisposable
{
    private readonly CancellationToken _stopping;
    private readonly TimeSpan _timeout;
    private CancellationTokenSource _source;

    public IdleDeadline(TimeSpan timeout, CancellationToken stopping)
    {
        _stopping = stopping;
        _timeout = timeout;
        _source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>Starts the timer for the next read and returns the token to read with.</summary>
    public CancellationToken StartRead()
    {
        _source.CancelAfter(_timeout);
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

    public void Dispose() => _source.Dispose();
}
