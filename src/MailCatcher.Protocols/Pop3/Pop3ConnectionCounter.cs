using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Pop3;

/// <summary>Open POP3 connections, so that <c>Pop3Options.MaxConnections</c> holds.</summary>
public sealed class Pop3ConnectionCounter
{
    public ConnectionCounter Connections { get; } = new();
}
