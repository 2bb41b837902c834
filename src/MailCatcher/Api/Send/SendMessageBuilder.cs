using MailCatcher.Core.Messages;
using MimeKit;
using MimeKit.Utils;

namespace MailCatcher.Api.Send;

/// <summary>
/// Turns a <see cref="SendRequest"/> into a MIME message and its envelope, or a sentence saying
/// what is wrong with the request. Pure: no I/O, the clock and host name are given.
/// </summary>
internal static class SendMessageBuilder
{
    /// <summary>Header fields the request sets through its own properties; naming them in <c>headers</c> is a mistake worth saying.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Subject", "Date", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID",
    };

    public const int MaxRecipients = 1000;

    public static bool TryBuild(SendRequest request, string hostName, DateTimeOffset now, out MimeMessage message, out Envelope envelope, out string problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        message = new MimeMessage();
        envelope = new Envelope("", []);
        if (!TryMailbox(request.From, "from", out var from, out problem))
        {
            return false;
        }
        message.From.Add(from!);
        var recipients = new List<string>();
        if (!TryAddAll(request.To, "to", message.To, recipients, out problem)
            || !TryAddAll(request.Cc, "cc", message.Cc, recipients, out problem)
            || !TryAddAll(request.Bcc, "bcc", null, recipients, out problem))
        {
            return false;
        }
        if (recipients.Count == 0)
        {
            problem = "At least one recipient is needed in to, cc or bcc.";
            return false;
        }
        if (recipients.Count > MaxRecipients)
        {
            problem = $"At most {MaxRecipients} recipients are accepted; {recipients.Count} were given.";
            return false;
        }
        if (HasLineBreak(request.Subject))
        {
            problem = "subject must not contain line breaks.";
            return false;
        }
        message.Subject = request.Subject ?? "";
        message.Date = now;
        if (!TryAddHeaders(request.Headers, message, out problem))
        {
            return false;
        }
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeUtils.GenerateMessageId(hostName);
        }
        var body = new BodyBuilder { TextBody = request.Text, HtmlBody = request.Html };
        if (!TryAddAttachments(request.Attachments, body, out problem))
        {
            return false;
        }
        message.Body = body.ToMessageBody();
        envelope = new Envelope(from!.Address, recipients);
        return true;
    }

    /// <summary>Parses one mailbox (RFC 5322 §3.4 <c>mailbox</c>: an address, optionally with a display name).</summary>
    internal static bool TryMailbox(string? text, string field, out MailboxAddress? mailbox, out string problem)
    {
        mailbox = null;
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"{field} is required: an address such as app@example.com or \"App <app@example.com>\".";
            return false;
        }
        if (HasLineBreak(text) || !MailboxAddress.TryParse(ParserOptions.Default, text, out mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            mailbox = null;
            problem = $"{field}: \"{text}\" is not an e-mail address.";
            return false;
        }
        return true;
    }

    private static bool TryAddAll(IReadOnlyList<string>? addresses, string field, InternetAddressList? header, List<string> envelope, out string problem)
    {
        problem = "";
        foreach (var text in addresses ?? [])
        {
            if (!TryMailbox(text, field, out var mailbox, out problem))
            {
                return false;
            }
            header?.Add(mailbox!);
            envelope.Add(mailbox!.Address);
        }
        return true;
    }

    private static bool TryAddHeaders(IReadOnlyDictionary<string, string>? headers, MimeMessage message, out string problem)
    {
        problem = "";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            // RFC 5322 §2.2: a field name is printable US-ASCII other than the colon.
            if (string.IsNullOrEmpty(name) || name.Any(c => c is < '!' or > '~' or ':'))
            {
                problem = $"headers: \"{name}\" is not a header field name (printable ASCII without spaces or colons).";
                return false;
            }
            if (ReservedHeaders.Contains(name))
            {
                problem = $"headers: {name} is set from the request's own fields, not from headers.";
                return false;
            }
            if (value is null || HasLineBreak(value))
            {
                problem = $"headers: the value of {name} must be one line of text.";
                return false;
            }
            if (name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase))
            {
                message.MessageId = value.Trim().Trim('<', '>');
                continue;
            }
            message.Headers.Add(name, value);
        }
        return true;
    }

    private static bool TryAddAttachments(IReadOnlyList<SendAttachment>? attachments, BodyBuilder body, out string problem)
    {
        problem = "";
        for (var i = 0; i < (attachments?.Count ?? 0); i++)
        {
            var attachment = attachments![i];
            var label = $"attachments[{i}]";
            if (attachment is null || string.IsNullOrWhiteSpace(attachment.Name) || HasLineBreak(attachment.Name))
            {
                problem = $"{label}: a name (the file name, one line) is required.";
                return false;
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(attachment.Content ?? "");
            }
            catch (FormatException)
            {
                problem = $"{label}: content must be base64.";
                return false;
            }
            if (!ContentType.TryParse(attachment.ContentType ?? "application/octet-stream", out var type))
            {
                problem = $"{label}: \"{attachment.ContentType}\" is not a MIME type.";
                return false;
            }
            if (string.IsNullOrWhiteSpace(attachment.ContentId))
            {
                body.Attachments.Add(attachment.Name, bytes, type);
                continue;
            }
            if (HasLineBreak(attachment.ContentId) || attachment.ContentId.Any(char.IsWhiteSpace))
            {
                problem = $"{label}: contentId must be one word, such as logo@example.com.";
                return false;
            }
            var inline = body.LinkedResources.Add(attachment.Name, bytes, type);
            inline.ContentId = attachment.ContentId.Trim('<', '>');
        }
        return true;
    }

    private static bool HasLineBreak(string? text) => text is not null && text.AsSpan().IndexOfAny('\r', '\n') >= 0;
}
