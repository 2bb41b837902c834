using MailCatcher.Core.Events;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// The IMAP flags that have no column in the store — <c>\Answered</c>, <c>\Flagged</c>,
/// <c>\Deleted</c>, <c>\Draft</c> and keywords — kept server-wide in memory, so every IMAP
/// session sees them, until the process stops. <c>\Seen</c> is the message's read state and
/// lives in the store. A deleted message's flags are dropped.
/// </summary>
public sealed class ImapFlagStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, HashSet<string>> _flags = [];
    private readonly IDisposable _subscription;

    public ImapFlagStore(MailEventBus events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _subscription = events.Subscribe(e =>
        {
            if (e is MessagesDeleted deleted)
            {
                lock (_gate)
                {
                    foreach (var id in deleted.Ids)
                    {
                        _flags.Remove(id);
                    }
                }
            }
        });
    }

    /// <summary>Raised after flags of some messages changed, with their ids.</summary>
    public event Action<IReadOnlyList<long>>? Changed;

    public IReadOnlyCollection<string> Get(long id)
    {
        lock (_gate)
        {
            return _flags.TryGetValue(id, out var set) ? [.. set] : [];
        }
    }

    public bool Has(long id, string flag)
    {
        lock (_gate)
        {
            return _flags.TryGetValue(id, out var set) && set.Contains(flag);
        }
    }

    /// <summary>Replaces the non-\Seen flags of each message.</summary>
    public void Set(IReadOnlyDictionary<long, IReadOnlyCollection<string>> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var changed = new List<long>();
        lock (_gate)
        {
            foreach (var (id, value) in flags)
            {
                var next = new HashSet<string>(value, StringComparer.OrdinalIgnoreCase);
                if (_flags.TryGetValue(id, out var old) ? old.SetEquals(next) : next.Count == 0)
                {
                    continue;
                }
                if (next.Count == 0)
                {
                    _flags.Remove(id);
                }
                else
                {
                    _flags[id] = next;
                }
                changed.Add(id);
            }
        }
        if (changed.Count > 0)
        {
            Changed?.Invoke(changed);
        }
    }

    public void Dispose() => _subscription.Dispose();
}
