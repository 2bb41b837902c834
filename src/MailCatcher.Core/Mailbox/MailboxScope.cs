namespace MailCatcher.Core.Mailbox;

/// <summary>Whose mailbox a protocol session sees.</summary>
/// <param name="Recipient">Null: every captured message. Otherwise only messages with this recipient
/// (a whole address, or a local part when it has no <c>@</c>) among To, Cc and envelope recipients.</param>
public sealed record MailboxScope(string? Recipient)
{
    public static MailboxScope Everything { get; } = new((string?)null);
}
