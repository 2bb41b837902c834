namespace MailCatcher.Protocols.Shared;

/// <summary>Counts open connections of one protocol so that a configured maximum can be enforced with a proper reply.</summary>
public sealed class ConnectionCounter
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    /// <summary>Claims a slot; false (and nothing claimed) when <paramref name="max"/> are already open.</summary>
    public bool TryEnter(int max)
    {
        if (Interlocked.Increment(ref _open) <= max)
        {
            return true;
        }
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _open);
}
