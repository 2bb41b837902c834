using System.Globalization;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Security;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace MailCatcher.Tests.Pop3;

/// <summary>POP3 over TLS: STLS (RFC 2595 §4) and the implicit-TLS port (RFC 8314), with the certificate SMTP uses.</summary>
public sealed class Pop3TlsTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync("--tls-self-signed", "--pop3s-port", "0");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private int Pop3Port => _server.Host.Pop3Port!.Value;

    private Pop3Client NewClient()
    {
        var expected = _server.SelfSignedThumbprint();
        return new Pop3Client
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 10_000,
        };
    }

    private static async Task<List<string>> CapaAsync(LineWire wire)
    {
        Assert.Equal("+OK Capability list follows", await wire.CommandAsync("CAPA"));
        var lines = await wire.ReadUntilAsync(".");
        return lines[..^1];
    }

    [Fact]
    public async Task MailKit_reads_mail_after_STLS()
    {
        await TestMail.SendAsync(_server.Host, TestMail.Simple("over stls"));
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", Pop3Port, SecureSocketOptions.StartTls, Cancel);
        Assert.True(client.IsSecure);
        await client.AuthenticateAsync("tester", "any", Cancel);
        Assert.Equal(1, client.Count);
        Assert.Equal("over stls", (await client.GetMessageAsync(0, Cancel)).Subject);
        await client.DisconnectAsync(true, Cancel);
    }

    [Fact]
    public async Task MailKit_reads_mail_on_the_implicit_TLS_port()
    {
        await TestMail.SendAsync(_server.Host, TestMail.Simple("over pop3s"));
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", _server.Pop3sPort!.Value, SecureSocketOptions.SslOnConnect, Cancel);
        Assert.True(client.IsSecure);
        Assert.False(client.Capabilities.HasFlag(Pop3Capabilities.StartTLS));
        await client.AuthenticateAsync("tester", "any", Cancel);
        Assert.Equal("over pop3s", (await client.GetMessageAsync(0, Cancel)).Subject);
        await client.DisconnectAsync(true, Cancel);
    }

    [Fact]
    public async Task Rfc2595_section4_STLS_is_advertised_before_TLS_and_gone_after_it()
    {
        var (wire, _) = await LineWire.ConnectAsync(Pop3Port);
        await using var __ = wire;
        Assert.Contains("STLS", await CapaAsync(wire));
        Assert.Equal("-ERR STLS takes no arguments", await wire.CommandAsync("STLS now"));
        Assert.Equal("+OK Begin TLS negotiation", await wire.CommandAsync("STLS"));
        await wire.HandshakeAsync(_server.SelfSignedThumbprint());

        var capabilities = await CapaAsync(wire);
        Assert.DoesNotContain("STLS", capabilities);
        Assert.Contains("USER", capabilities);
        Assert.Equal("-ERR TLS is already active", await wire.CommandAsync("STLS"));
        Assert.StartsWith("+OK", await wire.CommandAsync("USER tester"));
        Assert.StartsWith("+OK maildrop has", await wire.CommandAsync("PASS any"));
    }

    [Fact]
    public async Task Rfc2595_section4_a_USER_given_before_STLS_is_forgotten_after_the_handshake()
    {
        var (wire, _) = await LineWire.ConnectAsync(Pop3Port);
        await using var __ = wire;
        // STLS belongs to the AUTHORIZATION state before any USER; after TLS the client starts over.
        Assert.StartsWith("+OK", await wire.CommandAsync("USER early"));
        Assert.Equal("-ERR STLS is only valid before login", await wire.CommandAsync("STLS"));
        Assert.StartsWith("+OK", await wire.CommandAsync("QUIT"));

        var (second, _) = await LineWire.ConnectAsync(Pop3Port);
        await using var ___ = second;
        // Commands pipelined after STLS are discarded, not run in the clear (RFC 2595 §4).
        await second.SendAsync("STLS\r\nUSER sneaky\r\n");
        Assert.Equal("+OK Begin TLS negotiation", await second.ReadLineAsync());
        await second.HandshakeAsync(_server.SelfSignedThumbprint());
        Assert.Equal("-ERR PASS needs USER first", await second.CommandAsync("PASS any"));
        Assert.Equal("-ERR STAT needs login first", await second.CommandAsync("STAT"));
    }

    [Fact]
    public async Task A_garbage_handshake_after_STLS_leaves_the_server_healthy()
    {
        var (wire, _) = await LineWire.ConnectAsync(Pop3Port);
        await using (wire)
        {
            Assert.Equal("+OK Begin TLS negotiation", await wire.CommandAsync("STLS"));
            await wire.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + new string('\u0001', 300));
            // The server gives up on the handshake and closes.
            Assert.Equal("<closed>", await wire.ReadLineAsync());
        }
        using (var plain = new System.Net.Sockets.TcpClient())
        {
            // Plain text on the implicit-TLS port is not a ClientHello: the server closes without a word.
            await plain.ConnectAsync("127.0.0.1", _server.Pop3sPort!.Value, Cancel);
            var stream = plain.GetStream();
            await stream.WriteAsync("CAPA\r\n"u8.ToArray(), Cancel);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(LineWire.Timeout);
            var buffer = new byte[64];
            Assert.Equal(0, await ReadToEndAsync(stream, buffer, timeout.Token));
        }

        await TestMail.SendAsync(_server.Host, TestMail.Simple("still fine"));
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", Pop3Port, SecureSocketOptions.StartTls, Cancel);
        await client.AuthenticateAsync("tester", "any", Cancel);
        Assert.Equal("still fine", (await client.GetMessageAsync(0, Cancel)).Subject);
    }

    [Fact]
    public async Task Curl_retrieves_over_pop3s_with_the_pinned_certificate()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Curl), "curl is not installed");
        await TestMail.SendAsync(_server.Host, TestMail.Simple("from curl over tls"));
        var id = (await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;
        var port = _server.Pop3sPort!.Value.ToString(CultureInfo.InvariantCulture);

        var retr = await ExternalTool.RunAsync(ExternalTool.Curl,
            ["-sS", "--max-time", "20", "--cacert", _server.PublicCertificatePath, "-u", "tester:any", $"pop3s://localhost:{port}/1"]);
        var stls = await ExternalTool.RunAsync(ExternalTool.Curl,
            ["-sS", "--max-time", "20", "--ssl-reqd", "--insecure", "-u", "tester:any", $"pop3://127.0.0.1:{Pop3Port}/"]);

        Assert.True(retr.ExitCode == 0, retr.Error);
        var raw = await _server.Host.Http.GetStringAsync($"api/v1/messages/{id}/raw", Cancel);
        Assert.Equal(raw, retr.Output);
        Assert.True(stls.ExitCode == 0, stls.Error);
        Assert.Matches(@"^1 \d+\r?\n$", stls.Output);
    }

    /// <summary>Reads until the server closes; returns how many bytes came (0: it closed without a word).</summary>
    private static async Task<int> ReadToEndAsync(System.Net.Sockets.NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
        return total;
    }
}
