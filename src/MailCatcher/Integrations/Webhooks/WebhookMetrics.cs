using System.Diagnostics.Metrics;

namespace MailCatcher.Integrations.Webhooks;

/// <summary>Webhook instruments: deliveries by final outcome.</summary>
internal static class WebhookMetrics
{
    public const string MeterName = "MailCatcher.Webhooks";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("mailcatcher.webhook.deliveries", "{delivery}",
        "Webhook deliveries that reached a final outcome: delivered, failed or dropped");

    private static readonly object[] Outcomes = [.. Enum.GetValues<WebhookOutcome>().Select(o => (object)o.ToString().ToLowerInvariant())];

    public static void Finished(WebhookOutcome outcome) => Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", Outcomes[(int)outcome]));
}
