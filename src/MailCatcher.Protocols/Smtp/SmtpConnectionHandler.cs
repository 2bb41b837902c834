using System.Text;
using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Options;
using MailCatcher.Core.Sessions;
using MailCatcher.Protocols.Shared;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// The Kestrel entry point for SMTP: one call per accepted connection. Records the session,
/// runs it, and records how it ended, whatever happened.
/// </summary>
public sealed class SmtpConnectionHandler(
    IMessageSink sink,
    ISessionRecorder recorder,
    IOptionsMonitor<SmtpOptions> options,
    SmtpConnectionCounter counter,
    SmtpPolicy policy,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<SmtpConnectionHandler> logger,
    IInboxCredentials inboxCredentials) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.CurrentValue;
        var clientAddress = connection.RemoteEndPoint?.ToString() ?? "unknown";

        if (!counter.Connections.TryEnter(settings.MaxConnections))
        {
            logger.LogWarning("Refused SMTP connection from {Client}: {Max} connections already open", clientAddress, settings.MaxConnections);
            await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(SmtpReplies.TooManyConnections(settings.HostName).ToString()));
            return;
        }
        ProtocolMetrics.SmtpSessionStarted();
        try
        {
            var sessionId = await recorder.StartAsync(new SessionStart(clock.GetUtcNow().UtcDateTime, clientAddress, "smtp"), lifetime.ApplicationStopping);
            // On the implicit-TLS endpoint Kestrel has already run the handshake (RFC 8314 §3.3).
            var tls = TlsUpgrade.DescribeImplicit(connection.Features);
            using var session = new SmtpSession(connection.Transport, sink, settings, clock, sessionId, clientAddress, policy, tls)
            {
                InboxCredentials = inboxCredentials,
                AcknowledgeInput = TcpQuickAck.For(connection.Features),
            };
            try
            {
                // Only the host stopping cancels the session: a client that goes away completes the
                // transport's input, which the session reads as a disconnect and records as such.
                // (Linking ConnectionClosed here raced with that and recorded "server shutting down".)
                await session.RunAsync(lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException or OperationCanceledException)
            {
                session.Transcript.Info($"connection lost: {e.Message}");
            }
            var end = new SessionEnd(sessionId, clock.GetUtcNow().UtcDateTime, session.HeloName, session.Tls, session.AuthenticatedUser, session.Error, session.MessageIds, session.Transcript.Lines);
            // The session's record is written even while the host stops.
            await recorder.EndAsync(end, CancellationToken.None);
        }
        finally
        {
            counter.Connections.Leave();
        }
    }
}
