using MailCatcher.Hosting;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Security;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace MailCatcher.Tests.Mailbox;

/// <summary>
/// When POP3 and IMAP offer TLS, and who may log in: no certificate means no STLS/STARTTLS
/// (refused with the replies RFC 2595 and RFC 3501 give), <c>--mailbox-require-tls</c> means no
/// login in the clear, and the users are SMTP's, <c>--smtp-users-file</c> included.
/// </summary>
public sealed class MailboxTlsPolicyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_certificate_STLS_and_STARTTLS_are_not_advertised_and_are_refused()
    {
        await using var host = await TestHost.StartAsync();

        var (pop3, _) = await LineWire.ConnectAsync(host.Pop3Port!.Value);
        await using (pop3)
        {
            Assert.Equal("+OK Capability list follows", await pop3.CommandAsync("CAPA"));
            Assert.DoesNotContain("STLS", await pop3.ReadUntilAsync("."));
            // RFC 2595 §4: "-ERR" when TLS cannot be started; the session goes on in the clear.
            Assert.Equal("-ERR STLS is not available: no certificate is configured", await pop3.CommandAsync("STLS"));
            Assert.StartsWith("+OK", await pop3.CommandAsync("USER tester"));
        }

        var (imap, greeting) = await LineWire.ConnectAsync(host.ImapPort!.Value);
        await using (imap)
        {
            Assert.DoesNotContain("STARTTLS", greeting);
            await imap.SendAsync("a CAPABILITY\r\n");
            var capability = await imap.ReadUntilAsync("a ");
            Assert.DoesNotContain("STARTTLS", capability[0]);
            Assert.DoesNotContain("LOGINDISABLED", capability[0]);
            // RFC 3501 §6.2.1: STARTTLS answers OK or BAD.
            Assert.Equal("b BAD STARTTLS is not available: no certificate is configured", await imap.CommandAsync("b STARTTLS"));
            Assert.StartsWith("c OK", await imap.CommandAsync("c LOGIN tester any"));
        }
    }

    [Theory]
    [InlineData("--pop3s-port")]
    [InlineData("--imaps-port")]
    public async Task An_implicit_TLS_port_without_a_certificate_stops_startup(string flag)
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync(flag, "0"));
        Assert.Contains("need a certificate", error.Message);
    }

    [Fact]
    public async Task Rfc2595_section3_2_require_tls_disables_login_until_the_session_is_encrypted()
    {
        await using var server = await SecureHost.StartAsync("--tls-self-signed", "--mailbox-require-tls");
        var thumbprint = server.SelfSignedThumbprint();

        var (imap, greeting) = await LineWire.ConnectAsync(server.Host.ImapPort!.Value);
        await using (imap)
        {
            Assert.Contains(" STARTTLS LOGINDISABLED", greeting);
            Assert.DoesNotContain("AUTH=PLAIN", greeting);
            // RFC 5530 §3: PRIVACYREQUIRED.
            Assert.Equal("a NO [PRIVACYREQUIRED] Issue STARTTLS first: login is disabled without TLS", await imap.CommandAsync("a LOGIN tester any"));
            Assert.Equal("b NO [PRIVACYREQUIRED] Issue STARTTLS first: login is disabled without TLS", await imap.CommandAsync("b AUTHENTICATE PLAIN AHRlc3RlcgBhbnk="));
            Assert.Equal("c OK Begin TLS negotiation now", await imap.CommandAsync("c STARTTLS"));
            await imap.HandshakeAsync(thumbprint);
            await imap.SendAsync("d CAPABILITY\r\n");
            var after = await imap.ReadUntilAsync("d ");
            Assert.DoesNotContain("LOGINDISABLED", after[0]);
            Assert.Contains(" AUTH=PLAIN", after[0]);
            Assert.StartsWith("e OK", await imap.CommandAsync("e LOGIN tester any"));
        }

        var (pop3, _) = await LineWire.ConnectAsync(server.Host.Pop3Port!.Value);
        await using (pop3)
        {
            Assert.Equal("+OK Capability list follows", await pop3.CommandAsync("CAPA"));
            var capabilities = await pop3.ReadUntilAsync(".");
            Assert.DoesNotContain("USER", capabilities);
            Assert.Contains("STLS", capabilities);
            Assert.Equal("-ERR [AUTH] TLS is required: issue STLS first", await pop3.CommandAsync("USER tester"));
            Assert.Equal("+OK Begin TLS negotiation", await pop3.CommandAsync("STLS"));
            await pop3.HandshakeAsync(thumbprint);
            Assert.StartsWith("+OK", await pop3.CommandAsync("USER tester"));
            Assert.StartsWith("+OK maildrop has", await pop3.CommandAsync("PASS any"));
        }
    }

    [Fact]
    public async Task Users_from_the_smtp_users_file_are_required_by_POP3_and_IMAP()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mailcatcher-users-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "# testers\nalice:file secret\n\nbob:b:with:colons\n", Cancel);
        try
        {
            await using var host = await TestHost.StartAsync("--smtp-users-file", file);
            await TestMail.SendAsync(host, TestMail.Simple("for the file users"));

            using (var pop3 = new Pop3Client())
            {
                await pop3.ConnectAsync("127.0.0.1", host.Pop3Port!.Value, SecureSocketOptions.None, Cancel);
                pop3.AuthenticationMechanisms.Clear();
                await Assert.ThrowsAsync<AuthenticationException>(() => pop3.AuthenticateAsync("alice", "wrong", Cancel));
                await Assert.ThrowsAsync<AuthenticationException>(() => pop3.AuthenticateAsync("mallory", "file secret", Cancel));
                await pop3.AuthenticateAsync("alice", "file secret", Cancel);
                Assert.Equal(1, pop3.Count);
            }

            var (wire, _) = await LineWire.ConnectAsync(host.ImapPort!.Value);
            await using (wire)
            {
                Assert.Equal("a NO [AUTHENTICATIONFAILED] Invalid credentials", await wire.CommandAsync("a LOGIN alice wrong"));
                Assert.Equal("b NO [AUTHENTICATIONFAILED] Invalid credentials", await wire.CommandAsync("b LOGIN anyone \"file secret\""));
            }
            using var imap = new ImapClient();
            await imap.ConnectAsync("127.0.0.1", host.ImapPort!.Value, SecureSocketOptions.None, Cancel);
            await imap.AuthenticateAsync("bob", "b:with:colons", Cancel);
            Assert.True(imap.IsAuthenticated);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
