namespace MailCatcher.Core.Inboxes;

/// <summary>No inbox has credentials: every check falls through to the ordinary user rules.</summary>
public sealed class NoInboxCredentials : IInboxCredentials
{
    public static NoInboxCredentials Instance { get; } = new();

    public InboxCredentialCheck Check(string user, string password) => InboxCredentialCheck.NotAnInbox;

    public bool IsInboxUser(string user) => false;

    public bool IsInbox(string name) => false;
}
