using System.Text;
using MailCatcher.Core.Events;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Protocols.Imap;

/// <summary>The Kestrel entry point for IMAP: one call per accepted connection.</summary>
public sealed class ImapConnectionHandler(
    IMailboxStore store,
    IOptions<MailboxOptions> mailbox,
    ImapFlagStore flags,
    MailEventBus events,
    IOptionsMonitor<ImapOptions> options,
    ImapConnectionCounter counter,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ImapConnectionHandler> logger) : ConnectionHandler
{
    private readonly MailboxAuthenticator _authenticator = new(mailbox.Value);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.CurrentValue;
        if (!counter.Connections.TryEnter(settings.MaxConnections))
        {
            await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(ImapReplies.TooManyConnections + "\r\n"));
            return;
        }
        try
        {
            using var session = new ImapSession(connection.Transport, store, _authenticator, flags, events, settings, clock);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, connection.ConnectionClosed);
            await session.RunAsync(stop.Token);
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
