using System.Net.Sockets;
using System.Text;

namespace MailCatcher.Checks.Spam;

/// <summary>
/// Asks a SpamAssassin spamd for a REPORT over TCP (the spamd protocol, SPAMC/1.5: a request line,
/// Content-length, a blank line, the message; spamd answers and closes). One connection per check.
/// Unreachable or slow spamd is a clear <see cref="CheckStatus.Error"/>, never an exception.
/// </summary>
public sealed class SpamAssassinClient(string host, int port, TimeSpan timeout)
{
    /// <summary>spamc itself skips messages over 500 KB by default; beyond this, spamd is not asked.</summary>
    public const int MaxMessageBytes = 2 * 1024 * 1024;

    public string Endpoint => $"{host}:{port}";

    /// <summary>Parses <c>HOST:PORT</c> (<c>[::1]:783</c> for IPv6); null with a sentence when it is not one.</summary>
    public static SpamAssassinClient? TryCreate(string endpoint, TimeSpan timeout, out string? error)
    {
        error = null;
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"--spamassassin \"{endpoint}\" is not HOST:PORT (spamd listens on 783 by default).";
            return null;
        }
        return new SpamAssassinClient(endpoint[..colon].Trim('[', ']'), port, timeout);
    }

    public async Task<SpamCheckResult> CheckAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.Length > MaxMessageBytes)
        {
            return new SpamCheckResult(CheckStatus.Skipped,
                $"The message is {message.Length / 1024} KB, over the {MaxMessageBytes / 1024 / 1024} MB a spam check sends to spamd (spamc's own default limit is 500 KB).",
                [], null, null, null, []);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, deadline.Token);
            await using var stream = client.GetStream();
            var request = Encoding.ASCII.GetBytes($"REPORT SPAMC/1.5\r\nContent-length: {message.Length}\r\n\r\n");
            await stream.WriteAsync(request, deadline.Token);
            await stream.WriteAsync(message, deadline.Token);
            client.Client.Shutdown(SocketShutdown.Send);
            using var response = new MemoryStream();
            await stream.CopyToAsync(response, deadline.Token);
            return SpamdReportParser.Parse(Encoding.UTF8.GetString(response.GetBuffer(), 0, (int)response.Length));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SpamCheckResult.Failed($"spamd at {Endpoint} did not answer within {timeout.TotalSeconds:0} seconds.");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return SpamCheckResult.Failed($"spamd at {Endpoint} could not be reached: {e.Message}. Is it running, and listening there?");
        }
    }
}
