namespace MailCatcher.Core.Mailbox;

/// <summary>Whose mailbox a protocol session sees.</summary>
/// <param name="Recipient">Null: every captured message. Otherwise only messages with this recipient
/// (a whole address, or a local part when it has no <c>@</c>) among To, Cc and envelope recipients.</param>
/// <param name="Inbox">Only the messages of this isolated inbox (issue 13); null: every inbox.</param>
public sealed record MailboxScope(string? Recipient, string? Inbox = null)
{
    public static MailboxScope Everything { get; } = new((string?)null);
}
