using MailCatcher.Core.Messages;
using MimeKit;

namespace MailCatcher.Api.Send;

/// <summary>
/// The envelope of a raw message given to <c>POST /api/v1/send</c>: the <c>from</c> and <c>to</c>
/// query parameters when present, else what a sendmail <c>-t</c> would take from the header
/// (From or Sender; To, Cc and Bcc).
/// </summary>
internal static class RawMessageEnvelope
{
    public static bool TryRead(Stream raw, string? from, IReadOnlyList<string> to, out Envelope envelope, out string problem)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(to);
        envelope = new Envelope("", []);
        HeaderList headers;
        try
        {
            headers = HeaderList.Load(raw);
        }
        catch (FormatException e)
        {
            problem = $"The body is not an RFC 5322 message: {e.Message}";
            return false;
        }
        string sender;
        if (from is not null)
        {
            if (from.Length > 0 && !SendMessageBuilder.TryMailbox(from, "from", out var mailbox, out problem))
            {
                return false;
            }
            sender = from.Length == 0 ? "" : MailboxAddress.Parse(from).Address;
        }
        else
        {
            sender = FirstMailbox(headers[HeaderId.From]) ?? FirstMailbox(headers[HeaderId.Sender]) ?? "";
        }
        var recipients = new List<string>();
        if (to.Count > 0)
        {
            foreach (var text in to)
            {
                if (!SendMessageBuilder.TryMailbox(text, "to", out var mailbox, out problem))
                {
                    return false;
                }
                recipients.Add(mailbox!.Address);
            }
        }
        else
        {
            foreach (var field in new[] { HeaderId.To, HeaderId.Cc, HeaderId.Bcc })
            {
                foreach (var header in headers.Where(h => h.Id == field))
                {
                    if (InternetAddressList.TryParse(header.Value, out var list))
                    {
                        recipients.AddRange(list.Mailboxes.Select(m => m.Address).Where(a => a.Contains('@', StringComparison.Ordinal)));
                    }
                }
            }
        }
        if (recipients.Count == 0)
        {
            problem = "No recipient: give ?to=address (repeatable) or To/Cc/Bcc header fields in the message.";
            return false;
        }
        if (recipients.Count > SendMessageBuilder.MaxRecipients)
        {
            problem = $"At most {SendMessageBuilder.MaxRecipients} recipients are accepted; {recipients.Count} were given.";
            return false;
        }
        envelope = new Envelope(sender, recipients);
        problem = "";
        return true;
    }

    private static string? FirstMailbox(string? value) =>
        value is not null && InternetAddressList.TryParse(value, out var list) ? list.Mailboxes.FirstOrDefault()?.Address : null;
}
