namespace MailCatcher.Core.Messages;

/// <summary>A mailbox as shown to people: the display name (may be empty) and the address.</summary>
public sealed record EmailAddress(string Name, string Address);
