namespace MailCatcher.Tests.Security;

/// <summary>The AUTH modes and TLS requirement on the wire: off, required, and AUTH only after TLS.</summary>
public sealed class AuthPolicyTests
{
    [Fact]
    public async Task Mode_off_does_not_advertise_AUTH_and_refuses_it_with_502()
    {
        await using var server = await SecureHost.StartAsync("--smtp-auth", "off");
        var (wire, _) = await server.ConnectAsync();
        await using (wire)
        {
            Assert.DoesNotContain("AUTH", await wire.CommandAsync("EHLO client.example"));
            Assert.Equal("502 5.5.1 AUTH is not enabled on this server", await wire.CommandAsync("AUTH PLAIN AGEAYg=="));
        }
    }

    [Fact]
    public async Task Mode_required_reports_a_bad_sequence_before_the_missing_AUTH()
    {
        await using var server = await SecureHost.StartAsync("--smtp-auth", "required");
        var (wire, _) = await server.ConnectAsync();
        await using (wire)
        {
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
            Assert.Contains("250 AUTH PLAIN LOGIN CRAM-MD5", await wire.CommandAsync("EHLO client.example"));
            Assert.Equal("530 5.7.0 Authentication required", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
    }

    [Fact]
    public async Task RFC4954_6_AUTH_before_TLS_gets_538_when_TLS_is_required_for_AUTH()
    {
        await using var server = await SecureHost.StartAsync("--tls-self-signed", "--smtp-auth-require-tls");
        var (wire, _) = await server.ConnectAsync();
        await using (wire)
        {
            var ehlo = await wire.CommandAsync("EHLO client.example");
            Assert.DoesNotContain("AUTH", ehlo);
            Assert.Contains("STARTTLS", ehlo);
            Assert.Equal("538 5.7.11 Encryption required for requested authentication mechanism", await wire.CommandAsync("AUTH PLAIN AGEAYg=="));
            Assert.StartsWith("220 ", await wire.StartTlsAsync());
            Assert.Contains("AUTH PLAIN LOGIN CRAM-MD5", await wire.CommandAsync("EHLO client.example"));
            Assert.StartsWith("235 ", await wire.CommandAsync("AUTH PLAIN AGEAYg=="));
        }
    }

    [Fact]
    public async Task AUTH_before_STARTTLS_is_forgotten_after_the_handshake_RFC3207_4_2()
    {
        await using var server = await SecureHost.StartAsync("--tls-self-signed", "--smtp-auth", "required");
        var (wire, _) = await server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            Assert.StartsWith("235 ", await wire.CommandAsync("AUTH PLAIN AGEAYg=="));
            Assert.StartsWith("220 ", await wire.StartTlsAsync());
            await wire.CommandAsync("EHLO client.example");
            Assert.Equal("530 5.7.0 Authentication required", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
    }
}
