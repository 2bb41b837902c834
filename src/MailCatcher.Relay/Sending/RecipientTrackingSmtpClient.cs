using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Relay.Sending;

/// <summary>
/// MailKit's client, told not to abort the transaction when the relay refuses one recipient:
/// the refusals are collected and the message goes to the recipients that were accepted
/// (RFC 5321 §3.3). Only when every recipient is refused does sending fail, with the first refusal.
/// </summary>
internal sealed class RecipientTrackingSmtpClient(IProtocolLogger logger) : SmtpClient(logger)
{
    private readonly List<RejectedRecipient> _rejected = [];

    public IReadOnlyList<RejectedRecipient> Rejected => _rejected;

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(response);
        _rejected.Add(new RejectedRecipient(mailbox.Address, (int)response.StatusCode, response.Response));
    }

    protected override void OnNoRecipientsAccepted(MimeMessage message)
    {
        var first = _rejected[0];
        throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, (SmtpStatusCode)first.Code, MailboxAddress.Parse(first.Address), first.Text);
    }
}
