namespace MailCatcher.Client.Models;

/// <summary>A mailbox: display name (may be empty) and address.</summary>
/// <param name="Name">The display name, or an empty string.</param>
/// <param name="Address">The e-mail address.</param>
public sealed record EmailAddress(string Name, string Address);
