namespace MailCatcher.Storage.Entities;

/// <summary>One delivery attempt of an outbox entry: the relay's reply and the client-side transcript (secrets already masked).</summary>
public sealed class StoredOutboxAttempt
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public DateTime At { get; set; }
    public int? Code { get; set; }
    public string Text { get; set; } = "";
    public string? Transcript { get; set; }
}
