using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Core.Users;
using MailCatcher.Core.Events;
using MailCatcher.Protocols.Imap;
using MailCatcher.Protocols.Pop3;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Tests;

/// <summary>
/// POP3 and IMAP sessions over in-memory pipes, upgraded with STLS (RFC 2595 §4) and STARTTLS
/// (RFC 3501 §6.2.1): the transcript records TLS as SMTP's does.
/// </summary>
public sealed class MailboxTlsTranscriptTests
{
    /// <summary>An empty maildrop: these tests never get past AUTHORIZATION.</summary>
    private sealed class EmptyStore : IMailboxStore
    {
        public Task<uint> GetUidValidityAsync(CancellationToken cancellationToken) => Task.FromResult(1u);

        public Task<long> GetNextIdAsync(CancellationToken cancellationToken) => Task.FromResult(1L);

        public Task<IReadOnlyList<MailboxEntry>> ListAsync(MailboxScope scope, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MailboxEntry>>([]);

        public Task<Stream?> OpenRawAsync(long id, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);

        public Task SetReadAsync(IReadOnlyCollection<long> ids, bool isRead, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<long>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<long>>([]);
    }

    private static X509Certificate2 NewCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task Rfc2595_section4_STLS_is_recorded_in_the_transcript_with_protocol_and_cipher()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var certificate = NewCertificate();
        var toServer = new Pipe();
        var toClient = new Pipe();
        var session = new Pop3Session(
            new TestDuplexPipe(toServer.Reader, toClient.Writer),
            new EmptyStore(),
            new MailboxAuthenticator(UserList.AcceptAll, new MailboxOptions()),
            new Pop3Options(),
            TimeProvider.System,
            new TlsServerSettings { Certificate = certificate });
        var running = session.RunAsync(cancel);

        await using var plain = new DuplexPipeStream(new TestDuplexPipe(toClient.Reader, toServer.Writer));
        var reader = new StreamReader(plain, Encoding.ASCII, false, 1, leaveOpen: true);
        Assert.StartsWith("+OK", await reader.ReadLineAsync(cancel));
        await plain.WriteAsync("STLS\r\n"u8.ToArray(), cancel);
        await plain.FlushAsync(cancel);
        Assert.Equal("+OK Begin TLS negotiation", await reader.ReadLineAsync(cancel));

        await using var ssl = new SslStream(plain, leaveInnerStreamOpen: true, (_, c, _, _) => c?.GetCertHashString() == certificate.Thumbprint);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, cancel);
        await ssl.WriteAsync("QUIT\r\n"u8.ToArray(), cancel);
        await ssl.FlushAsync(cancel);
        using var secure = new StreamReader(ssl, Encoding.ASCII, false, 1, leaveOpen: true);
        Assert.StartsWith("+OK", await secure.ReadLineAsync(cancel));
        await running;

        Assert.NotNull(session.Tls);
        Assert.Null(session.Error);
        var info = session.Transcript.Lines.Where(l => l.Direction == Core.Sessions.TranscriptDirection.Info).Select(l => l.Text).ToList();
        Assert.Contains($"TLS started: {session.Tls}", info);
        Assert.Matches(@"^TLSv1\.[23] TLS_", session.Tls);
    }

    [Fact]
    public async Task Rfc3501_section6_2_1_STARTTLS_is_recorded_in_the_transcript_with_protocol_and_cipher()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var certificate = NewCertificate();
        var toServer = new Pipe();
        var toClient = new Pipe();
        var events = new MailEventBus();
        using var flags = new ImapFlagStore(events);
        using var session = new ImapSession(
            new TestDuplexPipe(toServer.Reader, toClient.Writer),
            new EmptyStore(),
            new MailboxAuthenticator(UserList.AcceptAll, new MailboxOptions()),
            flags,
            events,
            new ImapOptions(),
            TimeProvider.System,
            new TlsServerSettings { Certificate = certificate });
        var running = session.RunAsync(cancel);

        await using var plain = new DuplexPipeStream(new TestDuplexPipe(toClient.Reader, toServer.Writer));
        var reader = new StreamReader(plain, Encoding.ASCII, false, 1, leaveOpen: true);
        Assert.Contains(" STARTTLS", await reader.ReadLineAsync(cancel));
        await plain.WriteAsync("a STARTTLS\r\n"u8.ToArray(), cancel);
        await plain.FlushAsync(cancel);
        Assert.Equal("a OK Begin TLS negotiation now", await reader.ReadLineAsync(cancel));

        await using var ssl = new SslStream(plain, leaveInnerStreamOpen: true, (_, c, _, _) => c?.GetCertHashString() == certificate.Thumbprint);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, cancel);
        await ssl.WriteAsync("b LOGOUT\r\n"u8.ToArray(), cancel);
        await ssl.FlushAsync(cancel);
        using var secure = new StreamReader(ssl, Encoding.ASCII, false, 1, leaveOpen: true);
        Assert.StartsWith("* BYE", await secure.ReadLineAsync(cancel));
        Assert.Equal("b OK LOGOUT completed", await secure.ReadLineAsync(cancel));
        await running;

        Assert.Null(session.Error);
        var info = session.Transcript.Lines.Where(l => l.Direction == Core.Sessions.TranscriptDirection.Info).Select(l => l.Text).ToList();
        Assert.Contains($"TLS started: {session.Tls}", info);
        Assert.Matches(@"^TLSv1\.[23] TLS_", session.Tls);
    }
}
