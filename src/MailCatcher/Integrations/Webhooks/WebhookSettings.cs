namespace MailCatcher.Integrations.Webhooks;

/// <summary>How webhooks are delivered, bound from the <c>WebhookDelivery</c> configuration section.</summary>
internal sealed class WebhookSettings
{
    public const string Section = "WebhookDelivery";

    private static readonly TimeSpan[] DefaultRetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)];

    /// <summary>
    /// Waits before each retry after a failed attempt; one attempt plus one per entry, then the delivery
    /// fails. Null for the defaults (the configuration binder appends to a list it finds filled).
    /// </summary>
    public List<TimeSpan>? RetryDelays { get; set; }

    /// <summary>The delays in force: <see cref="RetryDelays"/>, or 1 s, 10 s, 60 s.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays ?? (IReadOnlyList<TimeSpan>)DefaultRetryDelays;

    /// <summary>How long one attempt may take, connect to last byte.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries waiting for a sender; beyond this a new one is dropped and counted, so a dead receiver never holds up ingest.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Deliveries sent at the same time.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How many recent deliveries <c>GET /api/v1/webhooks</c> and the UI keep.</summary>
    public int HistorySize { get; set; } = 200;
}
