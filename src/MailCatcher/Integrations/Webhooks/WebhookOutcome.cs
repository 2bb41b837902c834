namespace MailCatcher.Integrations.Webhooks;

/// <summary>Where a delivery stands. Serialised camelCase.</summary>
internal enum WebhookOutcome
{
    /// <summary>Queued or being sent for the first time.</summary>
    Pending,

    /// <summary>An attempt failed; another is scheduled.</summary>
    Retrying,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed, or the receiver refused it for good (a 4xx other than 408 or 429).</summary>
    Failed,

    /// <summary>The queue was full: never sent.</summary>
    Dropped,
}
