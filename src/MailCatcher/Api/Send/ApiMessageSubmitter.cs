using System.Globalization;
using System.Net;
using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using Microsoft.AspNetCore.Connections.Features;

namespace MailCatcher.Api.Send;

/// <summary>
/// Stores a message handed to the HTTP API exactly as the SMTP server stores one: a session of its
/// own (protocol <c>api</c>), the same <see cref="IMessageSink"/>, and a transcript saying where it
/// came from, so the message, its session and every event after it look like SMTP mail.
/// </summary>
internal sealed class ApiMessageSubmitter(IMessageSink sink, ISessionRecorder sessions, TimeProvider clock)
{
    public const string Protocol = "api";

    /// <summary>Stores <paramref name="content"/> (which this call disposes) with <paramref name="envelope"/>, described as <paramref name="how"/>.</summary>
    public async Task<SendResult> SubmitAsync(HttpContext http, SpooledContent content, Envelope envelope, string how, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(envelope);
        using var owned = content;
        var client = ClientAddress(http);
        var tls = http.Features.Get<ITlsHandshakeFeature>() is { } handshake
            ? string.Create(CultureInfo.InvariantCulture, $"{handshake.Protocol} {handshake.NegotiatedCipherSuite}")
            : null;
        var user = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var sessionId = await sessions.StartAsync(new SessionStart(startedAt, client, Protocol), cancellationToken);
        var transcript = new List<TranscriptLine>
        {
            new(startedAt, TranscriptDirection.Info, $"message submitted over HTTP: {http.Request.Method} {http.Request.Path} ({how}) from {client}"),
            new(startedAt, TranscriptDirection.Info, $"envelope: from <{envelope.From}> to {string.Join(", ", envelope.Recipients.Select(r => $"<{r}>"))}"),
        };
        var size = content.Length;
        long id;
        try
        {
            // The sink owns the content from here, as it does for SMTP.
            id = await sink.StoreAsync(new IncomingMessage(sessionId, envelope, new SessionFacts(client, null, tls, user), content, startedAt), cancellationToken);
        }
        catch (Exception e)
        {
            var failedAt = clock.GetUtcNow().UtcDateTime;
            transcript.Add(new TranscriptLine(failedAt, TranscriptDirection.Info, $"not stored: {e.Message}"));
            await sessions.EndAsync(new SessionEnd(sessionId, failedAt, null, tls, user, e.Message, [], transcript), CancellationToken.None);
            throw;
        }
        var endedAt = clock.GetUtcNow().UtcDateTime;
        transcript.Add(new TranscriptLine(endedAt, TranscriptDirection.Info, string.Create(CultureInfo.InvariantCulture, $"{size} bytes stored as message {id}")));
        await sessions.EndAsync(new SessionEnd(sessionId, endedAt, null, tls, user, null, [id], transcript), CancellationToken.None);
        return new SendResult(id, sessionId);
    }

    /// <summary>The HTTP caller as <c>address:port</c>, like an SMTP client's (IPv4-mapped IPv6 shown as IPv4).</summary>
    private static string ClientAddress(HttpContext http)
    {
        var connection = http.Connection;
        if (connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return new IPEndPoint(address, connection.RemotePort).ToString();
    }
}
