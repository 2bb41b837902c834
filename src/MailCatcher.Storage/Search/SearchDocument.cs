using MailCatcher.Core.Messages;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Search;

/// <summary>
/// The text of one message as the full-text index holds it, one string per indexed column.
/// Built at ingest on the receiving session's thread, so the writer only inserts it.
/// </summary>
public sealed record SearchDocument(string Subject, string Sender, string Recipients, string Body)
{
    public static SearchDocument From(IncomingMessage incoming, ParsedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return From(incoming.Envelope.From, incoming.Envelope.Recipients, summary);
    }

    /// <param name="envelopeFrom">The SMTP MAIL FROM address.</param>
    /// <param name="envelopeRecipients">The SMTP RCPT TO addresses.</param>
    /// <param name="summary">What ingest parsed from the message's headers and body.</param>
    public static SearchDocument From(string envelopeFrom, IEnumerable<string> envelopeRecipients, ParsedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var sender = summary.From is { } from ? $"{from.Name} {from.Address} {envelopeFrom}" : envelopeFrom;
        var recipients = string.Join(' ', summary.To.Concat(summary.Cc).Select(a => $"{a.Name} {a.Address}").Concat(envelopeRecipients));
        return new SearchDocument(summary.Subject, sender, recipients, summary.BodyText);
    }
}
