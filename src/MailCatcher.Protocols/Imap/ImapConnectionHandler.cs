using System.Text;
using MailCatcher.Core.Events;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Shared;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Protocols.Imap;

/// <summary>The Kestrel entry point for IMAP (and IMAPS, where Kestrel has run the handshake): one call per accepted connection.</summary>
public sealed class ImapConnectionHandler(
    IMailboxStore store,
    MailboxAuthenticator authenticator,
    TlsServerSettings tls,
    ImapFlagStore flags,
    MailEventBus events,
    IOptionsMonitor<ImapOptions> options,
    ImapConnectionCounter counter,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ImapConnectionHandler> logger) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.CurrentValue;
        if (!counter.Connections.TryEnter(settings.MaxConnections))
        {
            await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(ImapReplies.TooManyConnections + "\r\n"));
            return;
        }
        ProtocolMetrics.ImapSessionStarted();
        try
        {
            var implicitTls = TlsUpgrade.DescribeImplicit(connection.Features);
            using var session = new ImapSession(connection.Transport, store, authenticator, flags, events, settings, clock, tls, implicitTls);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, connection.ConnectionClosed);
            await session.RunAsync(stop.Token);
            if (session.Error is not null)
            {
                logger.LogDebug("IMAP session from {Client} ended: {Reason}", connection.RemoteEndPoint, session.Error);
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException or OperationCanceledException)
        {
            logger.LogDebug("IMAP connection from {Client} lost: {Reason}", connection.RemoteEndPoint, e.Message);
        }
        finally
        {
            counter.Connections.Leave();
        }
    }
}
