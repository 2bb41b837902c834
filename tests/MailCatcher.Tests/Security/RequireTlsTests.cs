namespace MailCatcher.Tests.Security;

/// <summary><c>--smtp-require-tls</c>: RFC 3207 §4, "530 5.7.0 Must issue a STARTTLS command first".</summary>
public sealed class RequireTlsTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync("--tls-self-signed", "--smtp-require-tls");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MAIL_before_STARTTLS_gets_530_and_after_it_is_accepted()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.Equal("530 5.7.0 Must issue a STARTTLS command first", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
            Assert.Equal("530 5.7.0 Must issue a STARTTLS command first", await wire.CommandAsync("AUTH PLAIN AGEAYg=="));
            Assert.StartsWith("220 ", await wire.StartTlsAsync());
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("250 2.1.0", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
    }

    [Fact]
    public async Task A_bad_sequence_is_reported_before_the_TLS_requirement()
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
    }
}
