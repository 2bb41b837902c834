using MailCatcher.Core.Messages;

namespace MailCatcher.Storage.Ingest;

/// <summary>The header fields and derived facts MailCatcher keeps in columns, parsed once at ingest.</summary>
public sealed record ParsedSummary(
    EmailAddress? From,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    string Subject,
    DateTime? Date,
    string? MessageId,
    string Snippet,
    int AttachmentCount,
    string? ParseError)
{
    /// <summary>The body as plain text for the search index (the text body, or the HTML body without its tags), at most <see cref="SummaryParser.MaxSearchText"/> characters.</summary>
    public string BodyText { get; init; } = "";

    /// <summary>The header fields ingest was asked to keep (for inbox routing rules), first value of each; names compare without case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
