using System.Text;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Shared;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Protocols.Pop3;

/// <summary>The Kestrel entry point for POP3 (and POP3S, where Kestrel has run the handshake): one call per accepted connection.</summary>
public sealed class Pop3ConnectionHandler(
    IMailboxStore store,
    MailboxAuthenticator authenticator,
    TlsServerSettings tls,
    IOptionsMonitor<Pop3Options> options,
    Pop3ConnectionCounter counter,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<Pop3ConnectionHandler> logger) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.CurrentValue;
        if (!counter.Connections.TryEnter(settings.MaxConnections))
        {
            await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(Pop3Replies.TooManyConnections + "\r\n"));
            return;
        }
        ProtocolMetrics.Pop3SessionStarted();
        try
        {
            var implicitTls = TlsUpgrade.DescribeImplicit(connection.Features);
            var session = new Pop3Session(connection.Transport, store, authenticator, settings, clock, tls, implicitTls);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, connection.ConnectionClosed);
            await session.RunAsync(stop.Token);
            if (session.Error is not null)
            {
                logger.LogDebug("POP3 session from {Client} ended: {Reason}", connection.RemoteEndPoint, session.Error);
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException or OperationCanceledException)
        {
            logger.LogDebug("POP3 connection from {Client} lost: {Reason}", connection.RemoteEndPoint, e.Message);
        }
        finally
        {
            counter.Connections.Leave();
        }
    }
}
