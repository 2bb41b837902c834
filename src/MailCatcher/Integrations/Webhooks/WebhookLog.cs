namespace MailCatcher.Integrations.Webhooks;

/// <summary>
/// The recent deliveries (a bounded ring, newest kept) and running totals, for the API and the UI.
/// Cheap to update from the senders; readers take a snapshot.
/// </summary>
internal sealed class WebhookLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<WebhookDelivery> _recent = new();
    private readonly Dictionary<long, LinkedListNode<WebhookDelivery>> _byId = [];
    private long _delivered;
    private long _failed;
    private long _dropped;

    /// <summary>Raised after every change, on the changing thread: subscribers only hand it on.</summary>
    public event Action? Changed;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Adds a delivery or replaces the one with its id; a final outcome is counted once.</summary>
    public void Record(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_gate)
        {
            if (_byId.TryGetValue(delivery.Id, out var node))
            {
                node.Value = delivery;
            }
            else
            {
                _byId[delivery.Id] = _recent.AddFirst(delivery);
                while (_recent.Count > Math.Max(1, capacity))
                {
                    _byId.Remove(_recent.Last!.Value.Id);
                    _recent.RemoveLast();
                }
            }
        }
        switch (delivery.Outcome)
        {
            case WebhookOutcome.Delivered: Interlocked.Increment(ref _delivered); break;
            case WebhookOutcome.Failed: Interlocked.Increment(ref _failed); break;
            case WebhookOutcome.Dropped: Interlocked.Increment(ref _dropped); break;
            default: break;
        }
        if (delivery.Outcome is WebhookOutcome.Delivered or WebhookOutcome.Failed or WebhookOutcome.Dropped)
        {
            WebhookMetrics.Finished(delivery.Outcome);
        }
        Changed?.Invoke();
    }

    /// <summary>The recent deliveries, newest first.</summary>
    public IReadOnlyList<WebhookDelivery> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }
}
