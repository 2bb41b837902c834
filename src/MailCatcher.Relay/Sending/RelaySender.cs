using System.Globalization;
using System.Net.Sockets;
using MailCatcher.Core.Content;
using MailCatcher.Core.Options;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace MailCatcher.Relay.Sending;

/// <summary>
/// Hands one message to the configured relay with MailKit's <see cref="SmtpClient"/> and says
/// how it went. The message goes out as its stored bytes (<see cref="RawMimeMessage"/>); the
/// client-side conversation is recorded by <see cref="RelayTranscriptLogger"/>, password masked.
/// </summary>
public sealed class RelaySender(IOptionsMonitor<RelayOptions> relayOptions, IOptionsMonitor<SmtpOptions> smtpOptions, TimeProvider time)
{
    public async Task<RelayAttemptResult> SendAsync(string from, IReadOnlyList<string> to, Stream raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(raw);
        var options = relayOptions.CurrentValue;
        var transcript = new RelayTranscriptLogger(RelayTranscriptLogger.SecretsFor(options.User, options.Password));
        var sender = string.IsNullOrWhiteSpace(options.From) ? from : options.From.Trim();
        using var content = await SpooledContent.CopyFromAsync(raw, cancellationToken);
        var message = RawMimeMessage.Create(content, options.AddResentHeaders ? ResentFields(sender, to) : "");
        if (message is null)
        {
            return new RelayAttemptResult(RelayOutcome.Permanent, null, "The stored message has no header section; it cannot be relayed.", "");
        }
        var timeout = TimeSpan.FromMilliseconds(Math.Clamp(options.Timeout.TotalMilliseconds, 1000, int.MaxValue));
        using var client = new RecipientTrackingSmtpClient(transcript)
        {
            Timeout = (int)timeout.TotalMilliseconds,
            LocalDomain = smtpOptions.CurrentValue.HostName,
        };
        try
        {
            var socket = await ConnectSocketAsync(options.Host, options.Port, timeout, cancellationToken);
            try
            {
                await client.ConnectAsync(socket, options.Host, options.Port, SocketOptions(options.Tls), cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            if (!string.IsNullOrEmpty(options.User))
            {
                await client.AuthenticateAsync(options.User, options.Password, cancellationToken);
            }
            var reply = await client.SendAsync(message, new MailboxAddress("", sender), to.Select(t => new MailboxAddress("", t)), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new RelayAttemptResult(RelayOutcome.Sent, 250, reply, transcript.ToString()) { Rejected = Masked(client.Rejected, options) };
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            // RFC 5321 §4.2.1: 4yz is a transient negative completion, 5yz a permanent one.
            var outcome = code is >= 400 and < 500 ? RelayOutcome.Transient : RelayOutcome.Permanent;
            return new RelayAttemptResult(outcome, code, Mask(e.Message, options), transcript.ToString()) { Rejected = Masked(client.Rejected, options) };
        }
        catch (AuthenticationException e)
        {
            return new RelayAttemptResult(RelayOutcome.Permanent, null, "Authentication failed: " + Mask(e.Message, options), transcript.ToString());
        }
        catch (NotSupportedException e)
        {
            // The relay lacks something the message or the configuration needs (STARTTLS, SMTPUTF8, 8BITMIME).
            return new RelayAttemptResult(RelayOutcome.Permanent, null, Mask(e.Message, options), transcript.ToString());
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is SocketException or IOException or SmtpProtocolException
            or SslHandshakeException or ServiceNotConnectedException or TimeoutException or OperationCanceledException)
        {
            // No usable conversation: the relay is down, unreachable, or hung up. Try again later.
            return new RelayAttemptResult(RelayOutcome.Transient, null, Mask($"{e.GetType().Name}: {e.Message}", options), transcript.ToString());
        }
    }

    /// <summary>
    /// The relay's TCP connection, opened here rather than by MailKit so that Nagle's algorithm is
    /// off: MailKit leaves it on, then holds back the end of DATA until the relay acknowledges the
    /// segment before it, which a receiver with nothing to answer yet delays (RFC 1122 §4.2.3.2;
    /// 40 ms on Linux). MailKit to aiosmtpd, 4 KB messages: 44 ms each with its defaults, 1.2-1.5 ms
    /// with NoDelay. <paramref name="timeout"/>, the client's own, bounds the connect as MailKit's did.
    /// </summary>
    private static async Task<Socket> ConnectSocketAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A dual-mode socket where the OS has IPv6 (IPv4 addresses reach it mapped), else IPv4.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await socket.ConnectAsync(host, port, deadline.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(RelayTlsMode mode) => mode switch
    {
        RelayTlsMode.None => SecureSocketOptions.None,
        RelayTlsMode.StartTls => SecureSocketOptions.StartTls,
        RelayTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    /// <summary>RFC 5322 §3.6.6 resent fields for a message re-introduced into the transport system.</summary>
    private string ResentFields(string sender, IReadOnlyList<string> to)
    {
        var host = smtpOptions.CurrentValue.HostName;
        var resentFrom = string.IsNullOrEmpty(sender) ? $"MAILER-DAEMON@{host}" : sender;
        return string.Create(CultureInfo.InvariantCulture,
            $"Resent-Date: {DateUtils.FormatDate(time.GetUtcNow())}\r\nResent-From: <{resentFrom}>\r\nResent-To: {string.Join(", ", to.Select(t => $"<{t}>"))}\r\nResent-Message-ID: <{MimeUtils.GenerateMessageId(host)}>\r\n");
    }

    private static List<RejectedRecipient> Masked(IReadOnlyList<RejectedRecipient> rejected, RelayOptions options) =>
        [.. rejected.Select(r => r with { Text = Mask(r.Text, options) })];

    private static string Mask(string text, RelayOptions options)
    {
        foreach (var secret in RelayTranscriptLogger.SecretsFor(options.User, options.Password))
        {
            text = text.Replace(secret, RelayTranscriptLogger.Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
