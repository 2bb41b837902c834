namespace MailCatcher.Core.Events;

/// <summary>
/// The in-process event bus: storage publishes, the UI, the SignalR hub, IMAP IDLE and REST
/// waiters subscribe. Handlers run synchronously on the publisher's thread, so they must only
/// hand the event on (to a channel, a TaskCompletionSource, a SignalR send they do not await).
/// </summary>
public sealed class MailEventBus
{
    private readonly Lock _gate = new();
    private Action<MailEvent>[] _handlers = [];

    /// <summary>Adds a handler; dispose the result to remove it.</summary>
    public IDisposable Subscribe(Action<MailEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }
        return new Subscription(this, handler);
    }

    /// <summary>Delivers the event to every handler. A failing handler does not stop the others.</summary>
    public void Publish(MailEvent mailEvent)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(mailEvent);
            }
#pragma warning disable CA1031 // One broken subscriber must not break storage or the other subscribers.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private void Unsubscribe(Action<MailEvent> handler)
    {
        lock (_gate)
        {
            _handlers = Array.FindAll(_handlers, h => h != handler);
        }
    }

    private sealed class Subscription(MailEventBus bus, Action<MailEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Unsubscribe(handler);
            }
        }
    }
}
