using System.Globalization;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Security;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace MailCatcher.Tests.Imap;

/// <summary>IMAP over TLS: STARTTLS (RFC 3501 §6.2.1, RFC 2595 §3.1) and the implicit-TLS port (RFC 8314), with the certificate SMTP uses.</summary>
public sealed class ImapTlsTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync("--tls-self-signed", "--imaps-port", "0");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private int ImapPort => _server.Host.ImapPort!.Value;

    private ImapClient NewClient()
    {
        var expected = _server.SelfSignedThumbprint();
        return new ImapClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 10_000,
        };
    }

    [Fact]
    public async Task MailKit_reads_mail_after_STARTTLS()
    {
        await TestMail.SendAsync(_server.Host, TestMail.Simple("over starttls"));
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.StartTls, Cancel);
        Assert.True(client.IsSecure);
        await client.AuthenticateAsync("tester", "any", Cancel);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Cancel);
        Assert.Equal("over starttls", (await client.Inbox.GetMessageAsync(0, Cancel)).Subject);
        await client.DisconnectAsync(true, Cancel);
    }

    [Fact]
    public async Task MailKit_reads_mail_on_the_implicit_TLS_port()
    {
        await TestMail.SendAsync(_server.Host, TestMail.Simple("over imaps"));
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", _server.ImapsPort!.Value, SecureSocketOptions.SslOnConnect, Cancel);
        Assert.True(client.IsSecure);
        Assert.False(client.Capabilities.HasFlag(ImapCapabilities.StartTLS));
        await client.AuthenticateAsync("tester", "any", Cancel);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Cancel);
        Assert.Equal("over imaps", (await client.Inbox.GetMessageAsync(0, Cancel)).Subject);
        await client.DisconnectAsync(true, Cancel);
    }

    [Fact]
    public async Task Rfc3501_section6_2_1_capabilities_are_recomputed_after_STARTTLS()
    {
        var (wire, greeting) = await LineWire.ConnectAsync(ImapPort);
        await using var __ = wire;
        Assert.Contains(" STARTTLS", greeting);
        await wire.SendAsync("a CAPABILITY\r\n");
        var before = await wire.ReadUntilAsync("a ");
        Assert.Contains(" STARTTLS", before[0]);
        Assert.Contains(" AUTH=PLAIN", before[0]);
        Assert.Equal("b BAD unexpected extra arguments", await wire.CommandAsync("b STARTTLS now"));
        Assert.Equal("c OK Begin TLS negotiation now", await wire.CommandAsync("c STARTTLS"));
        await wire.HandshakeAsync(_server.SelfSignedThumbprint());

        await wire.SendAsync("d CAPABILITY\r\n");
        var after = await wire.ReadUntilAsync("d ");
        Assert.StartsWith("* CAPABILITY IMAP4rev1 ", after[0]);
        Assert.DoesNotContain("STARTTLS", after[0]);
        Assert.Contains(" AUTH=PLAIN", after[0]);
        Assert.Equal("d OK CAPABILITY completed", after[^1]);
        Assert.Equal("e BAD TLS is already active", await wire.CommandAsync("e STARTTLS"));
        Assert.StartsWith("f OK [CAPABILITY IMAP4rev1 ", await wire.CommandAsync("f LOGIN tester any"));
    }

    [Fact]
    public async Task Commands_pipelined_after_STARTTLS_are_discarded()
    {
        var (wire, _) = await LineWire.ConnectAsync(ImapPort);
        await using var __ = wire;
        await wire.SendAsync("a STARTTLS\r\nb LOGIN sneaky any\r\n");
        Assert.Equal("a OK Begin TLS negotiation now", await wire.ReadLineAsync());
        await wire.HandshakeAsync(_server.SelfSignedThumbprint());
        // b was never run: the first thing heard over TLS answers c.
        Assert.Equal("c BAD log in first", await wire.CommandAsync("c SELECT INBOX"));
    }

    [Fact]
    public async Task A_garbage_handshake_after_STARTTLS_leaves_the_server_healthy()
    {
        var (wire, _) = await LineWire.ConnectAsync(ImapPort);
        await using (wire)
        {
            Assert.Equal("a OK Begin TLS negotiation now", await wire.CommandAsync("a STARTTLS"));
            await wire.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + new string('\u0001', 300));
            Assert.Equal("<closed>", await wire.ReadLineAsync());
        }
        using (var plain = new System.Net.Sockets.TcpClient())
        {
            // Plain text on the implicit-TLS port is not a ClientHello: the server closes without a word.
            await plain.ConnectAsync("127.0.0.1", _server.ImapsPort!.Value, Cancel);
            var stream = plain.GetStream();
            await stream.WriteAsync("a CAPABILITY\r\n"u8.ToArray(), Cancel);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(LineWire.Timeout);
            var buffer = new byte[64];
            Assert.Equal(0, await ReadToEndAsync(stream, buffer, timeout.Token));
        }

        await TestMail.SendAsync(_server.Host, TestMail.Simple("still fine"));
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.StartTls, Cancel);
        await client.AuthenticateAsync("tester", "any", Cancel);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Cancel);
        Assert.Equal(1, client.Inbox.Count);
    }

    private const string ImaplibScript = """
        import imaplib, ssl, sys
        context = ssl.create_default_context(cafile=sys.argv[3])
        imap = imaplib.IMAP4("localhost", int(sys.argv[1]), timeout=20)
        print("BEFORE", "STARTTLS" in imap.capabilities)
        imap.starttls(ssl_context=context)
        print("AFTER", "STARTTLS" in imap.capabilities, imap.sock.version())
        imap.login("tester", "any")
        typ, data = imap.select("INBOX")
        print("SELECT", typ, data[0].decode())
        imap.logout()
        secure = imaplib.IMAP4_SSL("localhost", int(sys.argv[2]), ssl_context=context, timeout=20)
        secure.login("tester", "any")
        typ, data = secure.select("INBOX", readonly=True)
        typ, data = secure.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        print("IMAPS", data[0][1].decode().strip())
        secure.logout()
        """;

    [Fact]
    public async Task Python_imaplib_starttls_and_IMAP4_SSL_verify_the_pinned_certificate()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Python), "python3 is not installed");
        await TestMail.SendAsync(_server.Host, TestMail.Simple("from python over tls"));

        var run = await ExternalTool.RunAsync(ExternalTool.Python,
            ["-", ImapPort.ToString(CultureInfo.InvariantCulture), _server.ImapsPort!.Value.ToString(CultureInfo.InvariantCulture), _server.PublicCertificatePath],
            ImaplibScript);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEFORE True", lines[0]);
        Assert.StartsWith("AFTER False TLSv1.", lines[1]);
        Assert.Equal("SELECT OK 1", lines[2]);
        Assert.Equal("IMAPS Subject: from python over tls", lines[3]);
    }

    [Fact]
    public async Task Curl_fetches_over_imaps_and_over_STARTTLS()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Curl), "curl is not installed");
        await TestMail.SendAsync(_server.Host, TestMail.Simple("from curl over tls"));
        var id = (await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;
        var imaps = $"imaps://localhost:{_server.ImapsPort}/INBOX;UID={id}";
        var imap = $"imap://127.0.0.1:{ImapPort}/INBOX;UID={id}";

        var pinned = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "--cacert", _server.PublicCertificatePath, "-u", "tester:any", imaps]);
        var starttls = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "--ssl-reqd", "--insecure", "-u", "tester:any", imap]);

        var raw = await _server.Host.Http.GetStringAsync($"api/v1/messages/{id}/raw", Cancel);
        Assert.True(pinned.ExitCode == 0, pinned.Error);
        Assert.Equal(raw, pinned.Output);
        Assert.True(starttls.ExitCode == 0, starttls.Error);
        Assert.Equal(raw, starttls.Output);
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
