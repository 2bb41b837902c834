using System.Net.Sockets;
using System.Text;
using MailKit.Security;

namespace MailCatcher.Tests.Security;

/// <summary>A client that breaks the TLS handshake leaves the server healthy for the next one.</summary>
public sealed class TlsHealthTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync("--tls-self-signed", "--smtps-port", "0");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Not a ClientHello: an HTTP request and binary junk.</summary>
    private static readonly byte[] Garbage = [.. Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), .. Enumerable.Range(0, 600).Select(i => (byte)(i * 37))];

    private async Task AssertNormalSessionsStillWorkAsync()
    {
        using var client = _server.NewClient();
        await client.ConnectAsync("127.0.0.1", _server.SmtpPort, SecureSocketOptions.StartTls, Cancel);
        await client.SendAsync(SessionReads.Message(), Cancel);
        await client.DisconnectAsync(true, Cancel);

        using var implicitClient = _server.NewClient();
        await implicitClient.ConnectAsync("127.0.0.1", _server.SmtpsPort!.Value, SecureSocketOptions.SslOnConnect, Cancel);
        await implicitClient.SendAsync(SessionReads.Message(), Cancel);
        await implicitClient.DisconnectAsync(true, Cancel);
    }

    [Fact]
    public async Task Client_that_closes_after_STARTTLS_without_a_handshake_leaves_the_server_healthy()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("220 ", await wire.CommandAsync("STARTTLS"));
        }

        await AssertNormalSessionsStillWorkAsync();
        var sessions = await SessionReads.EndedSessionsAsync(_server.Host, 3);
        Assert.StartsWith("TLS handshake failed", sessions[0].Error);
        Assert.Null(sessions[0].Tls);
    }

    [Fact]
    public async Task Client_that_stops_in_the_middle_of_its_ClientHello_leaves_the_server_healthy()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("220 ", await wire.CommandAsync("STARTTLS"));
            // A TLS handshake record header announcing 512 bytes, then only a few of them.
            await wire.SendRawAsync(Encoding.Latin1.GetString([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]));
        }

        await AssertNormalSessionsStillWorkAsync();
        var sessions = await SessionReads.EndedSessionsAsync(_server.Host, 3);
        Assert.StartsWith("TLS handshake failed", sessions[0].Error);
    }

    [Fact]
    public async Task Garbage_instead_of_a_ClientHello_after_STARTTLS_ends_that_session_only()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("220 ", await wire.CommandAsync("STARTTLS"));
            await wire.SendRawAsync(Encoding.Latin1.GetString(Garbage));
            Assert.Equal("<closed>", await wire.ReadReplyAsync());
        }

        await AssertNormalSessionsStillWorkAsync();
        var sessions = await SessionReads.EndedSessionsAsync(_server.Host, 3);
        Assert.StartsWith("TLS handshake failed", sessions[0].Error);
        Assert.Equal(2, sessions.Count(s => s.MessageIds.Count == 1));
    }

    [Fact]
    public async Task Garbage_or_silence_on_the_implicit_TLS_port_leaves_the_server_healthy()
    {
        using (var junk = new TcpClient())
        {
            await junk.ConnectAsync("127.0.0.1", _server.SmtpsPort!.Value, Cancel);
            var stream = junk.GetStream();
            await stream.WriteAsync(Garbage, Cancel);
            var buffer = new byte[256];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            // The server closes the connection: reads end (or reset), and no SMTP greeting ever arrives in clear.
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                read = 0;
            }
            Assert.DoesNotContain("220", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        }
        using (var silent = new TcpClient())
        {
            await silent.ConnectAsync("127.0.0.1", _server.SmtpsPort!.Value, Cancel);
        }

        await AssertNormalSessionsStillWorkAsync();
    }
}
