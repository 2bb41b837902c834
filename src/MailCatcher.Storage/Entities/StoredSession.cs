namespace MailCatcher.Storage.Entities;

/// <summary>A protocol session. Its transcript is in <see cref="StoredSessionTranscript"/>.</summary>
public sealed class StoredSession
{
    public long Id { get; set; }
    public string Protocol { get; set; } = "smtp";
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string ClientAddress { get; set; } = "";
    public string? HeloName { get; set; }
    public string? Tls { get; set; }
    public string? AuthenticatedUser { get; set; }
    public string? Error { get; set; }
    public int MessageCount { get; set; }

    /// <summary>The inbox the session belongs to: its AUTH user's, else its first message's; null until known.</summary>
    public long? InboxId { get; set; }
}
