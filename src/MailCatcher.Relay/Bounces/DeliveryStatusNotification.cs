using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace MailCatcher.Relay.Bounces;

/// <summary>
/// Builds the bounce for an entry that failed for good: an RFC 3464 delivery status
/// notification, <c>multipart/report; report-type=delivery-status</c> (RFC 6522) with a
/// human-readable part, the <c>message/delivery-status</c> part (per-message fields §2.2,
/// per-recipient fields §2.3) and the original header section as <c>text/rfc822-headers</c>.
/// It comes from <c>MAILER-DAEMON@host</c> and is sent with the null reverse-path (RFC 5321
/// §4.5.5) so that it can never bounce itself.
/// </summary>
public static partial class DeliveryStatusNotification
{
    /// <summary>RFC 3463 §2: class "." subject "." detail.</summary>
    [GeneratedRegex(@"^\s*([245])\.(\d{1,3})\.(\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatus();

    /// <summary>
    /// The RFC 3463 status for the report: the enhanced code the relay gave, when it gave one of
    /// the same class as its reply code; else <c>5.0.0</c> for a 5xx, and <c>4.4.7</c> ("delivery
    /// time expired") when the entry gave up after temporary failures.
    /// </summary>
    public static string StatusFor(int? code, string replyText, bool gaveUp)
    {
        var match = EnhancedStatus().Match(replyText ?? "");
        if (match.Success && code is { } c && match.Groups[1].Value[0] - '0' == c / 100)
        {
            return $"{match.Groups[1].Value}.{match.Groups[2].Value}.{match.Groups[3].Value}";
        }
        if (code is >= 500 and < 600)
        {
            return "5.0.0";
        }
        return gaveUp ? "4.4.7" : "5.0.0";
    }

    public static MimeMessage Build(BounceFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var status = StatusFor(facts.Code, facts.ReplyText, facts.GaveUp);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", $"MAILER-DAEMON@{facts.ReportingHost}"));
        message.To.Add(MailboxAddress.Parse(facts.OriginalSender));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.Date = now;
        message.MessageId = MimeUtils.GenerateMessageId(facts.ReportingHost);
        // RFC 3834 §5: automatic responses say so, and are not answered automatically.
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = HumanReadable(facts, status) },
            DeliveryStatus(facts, status),
            new MimePart("text", "rfc822-headers")
            {
                Content = new MimeContent(new MemoryStream(facts.OriginalHeaders, writable: false)),
                ContentTransferEncoding = facts.OriginalHeaders.Any(b => b > 127) ? ContentEncoding.EightBit : ContentEncoding.SevenBit,
            },
        };
        message.Body = report;
        return message;
    }

    private static MessageDeliveryStatus DeliveryStatus(BounceFacts facts, string status)
    {
        var part = new MessageDeliveryStatus();
        // RFC 3464 §2.2: per-message fields.
        var perMessage = new HeaderList
        {
            { "Reporting-MTA", $"dns; {facts.ReportingHost}" },
            { "Arrival-Date", DateUtils.FormatDate(new DateTimeOffset(facts.ArrivalDate, TimeSpan.Zero)) },
        };
        part.StatusGroups.Add(perMessage);
        // RFC 3464 §2.3: one group per recipient.
        foreach (var recipient in facts.Recipients)
        {
            var group = new HeaderList
            {
                { "Final-Recipient", $"rfc822; {recipient}" },
                { "Action", "failed" },
                { "Status", status },
                { "Remote-MTA", $"dns; {facts.RemoteHost}" },
            };
            if (facts.Code is { } code)
            {
                // §2.3.6: the reply as the remote MTA gave it, diagnostic-type "smtp".
                group.Add("Diagnostic-Code", $"smtp; {code.ToString(CultureInfo.InvariantCulture)} {OneLine(facts.ReplyText)}");
            }
            group.Add("Last-Attempt-Date", DateUtils.FormatDate(new DateTimeOffset(facts.LastAttemptAt, TimeSpan.Zero)));
            part.StatusGroups.Add(group);
        }
        return part;
    }

    private static string HumanReadable(BounceFacts facts, string status)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"This is the mail system at host {facts.ReportingHost}.\r\n\r\n");
        text.Append("Your message could not be delivered to one or more recipients. It is attached below.\r\n\r\n");
        text.Append(facts.GaveUp
            ? $"The relay {facts.RemoteHost} did not accept it before the retry period ran out.\r\n\r\n"
            : $"The relay {facts.RemoteHost} refused it permanently.\r\n\r\n");
        foreach (var recipient in facts.Recipients)
        {
            var reply = facts.Code is { } code ? $"{code.ToString(CultureInfo.InvariantCulture)} {OneLine(facts.ReplyText)}" : OneLine(facts.ReplyText);
            text.Append(CultureInfo.InvariantCulture, $"<{recipient}>: {reply} (status {status})\r\n");
        }
        return text.ToString();
    }

    private static string OneLine(string text) => string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
