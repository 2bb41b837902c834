using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Imap;

/// <summary>Open IMAP connections, so that <c>ImapOptions.MaxConnections</c> holds.</summary>
public sealed class ImapConnectionCounter
{
    public ConnectionCounter Connections { get; } = new();
}
