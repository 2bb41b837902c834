using System.ComponentModel;

namespace MailCatcher.Integrations.Webhooks;

/// <summary>One delivery of one message to one webhook, as listed by <c>GET /api/v1/webhooks</c>. Replaced, never mutated.</summary>
internal sealed record WebhookDelivery
{
    [Description("The delivery's number, ascending; also sent as X-MailCatcher-Delivery.")]
    public required long Id { get; init; }

    [Description("Where it is sent (without any user information).")]
    public required string Url { get; init; }

    [Description("The message it announces.")]
    public required long MessageId { get; init; }

    [Description("When the message was handed to the webhook (UTC).")]
    public required DateTime CreatedAt { get; init; }

    [Description("pending, retrying, delivered, failed or dropped.")]
    public required WebhookOutcome Outcome { get; init; }

    [Description("How many attempts were made.")]
    public int Attempts { get; init; }

    [Description("The receiver's HTTP status at the last attempt; null when it did not answer.")]
    public int? StatusCode { get; init; }

    [Description("Why the last attempt failed, when it did.")]
    public string? Error { get; init; }

    [Description("When the last attempt ended (UTC).")]
    public DateTime? LastAttemptAt { get; init; }

    [Description("When the next attempt is due, while retrying (UTC).")]
    public DateTime? NextAttemptAt { get; init; }
}
