using System.Text;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Shared;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Protocols.Pop3;

/// <summary>The Kestrel entry point for POP3: one call per accepted connection.</summary>
public sealed class Pop3ConnectionHandler(
    IMailboxStore store,
    IOptions<MailboxOptions> mailbox,
    IOptionsMonitor<Pop3Options> options,
    Pop3ConnectionCounter counter,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<Pop3ConnectionHandler> logger) : ConnectionHandler
{
    private readonly MailboxAuthenticator _authenticator = new(mailbox.Value);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.CurrentValue;
        if (!counter.Connections.TryEnter(settings.MaxConnections))
        {
            await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(Pop3Replies.TooManyConnections + "\r\n"));
            return;
        }
        try
        {
            var session = new Pop3Session(connection.Transport, store, _authenticator, settings, clock);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, connection.ConnectionClosed);
            await session.RunAsync(stop.Token);
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
