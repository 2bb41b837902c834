using MailCatcher.Tests.Infrastructure;
using MailKit.Security;

namespace MailCatcher.Tests.Security;

/// <summary>STARTTLS (RFC 3207) and implicit TLS (RFC 8314) against the self-signed certificate.</summary>
public sealed class StartTlsTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync("--tls-self-signed", "--smtps-port", "0");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MailKit_with_STARTTLS_delivers_and_the_message_records_protocol_and_cipher()
    {
        using (var client = _server.NewClient())
        {
            await client.ConnectAsync("127.0.0.1", _server.SmtpPort, SecureSocketOptions.StartTls, Cancel);
            Assert.True(client.IsSecure);
            await client.SendAsync(SessionReads.Message(), Cancel);
            await client.DisconnectAsync(true, Cancel);
        }

        var page = await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        var detail = await _server.Host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{Assert.Single(page!.Messages).Id}");
        Assert.Matches(@"^TLSv1\.[23] TLS_\w+$", detail!.Tls);
        var session = Assert.Single(await SessionReads.EndedSessionsAsync(_server.Host, 1));
        Assert.Equal(detail.Tls, session.Tls);
        Assert.Contains(session.Transcript!, l => l.Direction == "info" && l.Text == $"TLS started: {detail.Tls}");
    }

    [Fact]
    public async Task MailKit_with_implicit_TLS_on_the_smtps_port_delivers_RFC8314()
    {
        var info = await _server.Host.Http.GetStringAsync("api/v1/info", Cancel);
        Assert.Contains($"\"smtps\":{_server.SmtpsPort}", info);

        using (var client = _server.NewClient())
        {
            await client.ConnectAsync("127.0.0.1", _server.SmtpsPort!.Value, SecureSocketOptions.SslOnConnect, Cancel);
            Assert.DoesNotContain(client.Capabilities.ToString(), "StartTLS", StringComparison.Ordinal);
            await client.SendAsync(SessionReads.Message(), Cancel);
            await client.DisconnectAsync(true, Cancel);
        }

        var session = Assert.Single(await SessionReads.EndedSessionsAsync(_server.Host, 1));
        Assert.Matches(@"^TLSv1\.[23] TLS_\w+$", session.Tls);
        Assert.Single(session.MessageIds);
        Assert.StartsWith("implicit TLS (RFC 8314):", session.Transcript![0].Text);
    }

    [Fact]
    public async Task RFC3207_4_2_after_the_handshake_EHLO_is_needed_again_and_STARTTLS_is_not_offered()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.Contains("250-STARTTLS", await wire.CommandAsync("EHLO before.example"));
            Assert.StartsWith("220 2.0.0", await wire.StartTlsAsync());
            Assert.NotNull(wire.Protocol);

            // The server forgot the EHLO: MAIL is out of sequence.
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
            var ehlo = await wire.CommandAsync("EHLO after.example");
            Assert.StartsWith("250-", ehlo);
            Assert.DoesNotContain("STARTTLS", ehlo);
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("STARTTLS"));
            Assert.StartsWith("250 ", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
        var session = Assert.Single(await SessionReads.EndedSessionsAsync(_server.Host, 1));
        Assert.Equal("after.example", session.HeloName);
    }

    [Fact]
    public async Task RFC3207_5_commands_pipelined_in_plain_text_after_STARTTLS_are_discarded()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            await wire.SendRawAsync("STARTTLS\r\nMAIL FROM:<injected@example.com>\r\n");
            Assert.StartsWith("220 2.0.0", await wire.ReadReplyAsync());
            await wire.HandshakeAsync();
            // Had the injected MAIL been acted on, its reply would come before the EHLO's.
            Assert.StartsWith("250-", await wire.CommandAsync("EHLO client.example"));
            Assert.StartsWith("221 ", await wire.CommandAsync("QUIT"));
        }
        var transcript = await SessionReads.OnlyTranscriptAsync(_server.Host);
        Assert.Contains(transcript, l => l.Contains("sent after STARTTLS, before the handshake, were discarded", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, l => l.Contains("injected@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task STARTTLS_with_a_parameter_is_a_syntax_error_RFC3207_4()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("501 5.5.4", await wire.CommandAsync("STARTTLS now"));
        }
    }

    [Fact]
    public async Task STARTTLS_before_EHLO_is_a_bad_sequence()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("STARTTLS"));
        }
    }
}
