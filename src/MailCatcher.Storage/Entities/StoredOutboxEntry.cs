namespace MailCatcher.Storage.Entities;

/// <summary>
/// A relay queue entry. The queue keeps its own compressed copy of the message
/// (<see cref="StoredOutboxContent"/>), so deleting or pruning the captured message does not
/// change what is sent. <see cref="State"/> is the lower-case name of <c>OutboxState</c>.
/// </summary>
public sealed class StoredOutboxEntry
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public string EnvelopeFrom { get; set; } = "";
    public string RecipientsJson { get; set; } = "[]";
    public string State { get; set; } = "queued";
    public DateTime CreatedAt { get; set; }

    /// <summary>Start of the current retry period: creation, or the last manual retry. Give-up is measured from here.</summary>
    public DateTime QueuedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public long? BounceMessageId { get; set; }

    /// <summary>The instance sending the entry now (issue 14: several instances on one database); null when none is.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// Until when <see cref="ClaimedBy"/> holds the entry. The sender renews it while the attempt
    /// runs; an entry whose lease ran out (its instance died mid-send) is taken over by another.
    /// </summary>
    public DateTime? LeaseUntil { get; set; }
}
