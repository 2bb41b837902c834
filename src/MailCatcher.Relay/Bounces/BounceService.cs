using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Options;
using MailCatcher.Core.Outbox;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Outbox;
using MailCatcher.Storage.Writing;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MailCatcher.Relay.Bounces;

/// <summary>
/// Returns a failed entry to its sender: builds the RFC 3464 report and stores it in the inbox
/// through <see cref="IMessageSink"/> like any captured message, in a session of its own
/// (protocol <c>dsn</c>), then tags it <c>bounce</c> and links it from the entry.
/// </summary>
public sealed class BounceService(
    OutboxStore store,
    IMessageSink sink,
    ISessionRecorder sessions,
    MessageTagger tagger,
    IOptionsMonitor<SmtpOptions> smtpOptions,
    IOptionsMonitor<RelayOptions> relayOptions,
    TimeProvider time)
{
    public const string Tag = "bounce";

    /// <summary>Maximum header section copied into the report.</summary>
    private const int MaxHeaderBytes = 256 * 1024;

    /// <summary>The id of the stored bounce; null when none is due (RFC 5321 §4.5.5: never bounce a null reverse-path).</summary>
    public async Task<long?> BounceAsync(OutboxWork work, OutboxAttempt last, bool gaveUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(last);
        if (string.IsNullOrWhiteSpace(work.From))
        {
            return null;
        }
        var host = smtpOptions.CurrentValue.HostName;
        var headers = await ReadHeadersAsync(work.Id, cancellationToken);
        var facts = new BounceFacts(host, work.From, work.To, last.Code, last.Text, gaveUp, relayOptions.CurrentValue.Host,
            work.QueuedAt, last.At, headers);
        var now = time.GetUtcNow();
        var report = DeliveryStatusNotification.Build(facts, now);

        using var content = new SpooledContent();
        using (var bytes = new MemoryStream())
        {
            var format = FormatOptions.Default.Clone();
            format.NewLineFormat = NewLineFormat.Dos;
            await report.WriteToAsync(format, bytes, cancellationToken);
            content.Write(bytes.ToArray());
        }
        var at = now.UtcDateTime;
        var sessionId = await sessions.StartAsync(new SessionStart(at, "127.0.0.1", "dsn"), cancellationToken);
        var id = await sink.StoreAsync(new IncomingMessage(sessionId, new Envelope("", [work.From]), new SessionFacts("127.0.0.1", host, null, null), content, at), cancellationToken);
        var note = $"Delivery status notification for outbox entry {work.Id} (message {work.MessageId}) to <{work.From}>";
        await sessions.EndAsync(new SessionEnd(sessionId, at, host, null, null, null, [id], [new TranscriptLine(at, TranscriptDirection.Info, note)]), cancellationToken);
        await tagger.AddTagAsync(id, Tag);
        await store.SetBounceAsync(work.Id, id, cancellationToken);
        return id;
    }

    private async Task<byte[]> ReadHeadersAsync(long entryId, CancellationToken cancellationToken)
    {
        await using var raw = await store.OpenContentAsync(entryId, cancellationToken);
        if (raw is null)
        {
            return [];
        }
        var head = new MemoryStream();
        var buffer = new byte[1];
        var state = 0; // how much of CRLF CRLF has been seen
        while (head.Length < MaxHeaderBytes && await raw.ReadAsync(buffer, cancellationToken) == 1)
        {
            head.WriteByte(buffer[0]);
            state = buffer[0] == "\r\n\r\n"[state] ? state + 1 : (buffer[0] == '\r' ? 1 : 0);
            if (state == 4)
            {
                return head.ToArray()[..^2];
            }
        }
        return head.ToArray();
    }
}
