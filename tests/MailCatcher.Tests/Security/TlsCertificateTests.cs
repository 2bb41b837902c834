using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using MailCatcher.Hosting;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace MailCatcher.Tests.Security;

/// <summary>Where the certificate comes from: PEM files, or one self-signed certificate kept for good.</summary>
public sealed class TlsCertificateTests : IDisposable
{
    private readonly string _folder = SecureHost.NewFolder();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public TlsCertificateTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => SecureHost.DeleteFolder(_folder);

    private string DatabasePath => Path.Combine(_folder, "mail.db");

    [Fact]
    public async Task Self_signed_certificate_is_generated_once_and_kept_in_the_data_folder()
    {
        string first;
        await using (var host = await TestHost.StartAsync(DatabasePath, "--tls-self-signed"))
        {
            first = await ServerThumbprintAsync(host.SmtpPort);
        }
        Assert.True(File.Exists(Path.Combine(_folder, "tls-self-signed.pem")));
        using (var kept = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_folder, "tls-self-signed.crt"))))
        {
            Assert.Equal(kept.Thumbprint, first);
        }
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "tls-self-signed.pem")));
        }

        await using (var again = await TestHost.StartAsync(DatabasePath, "--tls-self-signed"))
        {
            Assert.Equal(first, await ServerThumbprintAsync(again.SmtpPort));
        }
    }

    [Fact]
    public async Task PEM_certificate_and_key_files_are_used_for_STARTTLS()
    {
        var (certificatePath, keyPath, thumbprint) = WritePemPair();
        await using var host = await TestHost.StartAsync(DatabasePath, "--tls-cert", certificatePath, "--tls-key", keyPath);

        Assert.Equal(thumbprint, await ServerThumbprintAsync(host.SmtpPort));
    }

    [Fact]
    public async Task A_missing_certificate_file_stops_startup_with_a_message_naming_it()
    {
        var missing = Path.Combine(_folder, "nope.pem");
        var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync(DatabasePath, "--tls-cert", missing, "--tls-key", missing));
        Assert.Equal($"The TLS certificate file '{missing}' (--tls-cert) does not exist.", error.Message);
    }

    [Fact]
    public async Task An_unreadable_certificate_file_stops_startup_with_a_clear_message()
    {
        var junk = Path.Combine(_folder, "junk.pem");
        await File.WriteAllTextAsync(junk, "this is not a certificate", Cancel);
        var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync(DatabasePath, "--tls-cert", junk));
        Assert.StartsWith($"The TLS certificate '{junk}' (--tls-cert) with the key in '{junk}' could not be read as PEM:", error.Message);
    }

    [Fact]
    public async Task A_certificate_without_its_key_stops_startup()
    {
        var (certificatePath, _, _) = WritePemPair();
        var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync(DatabasePath, "--tls-cert", certificatePath));
        Assert.Contains("could not be read as PEM", error.Message);
    }

    [Fact]
    public async Task Implicit_TLS_without_a_certificate_stops_startup()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync(DatabasePath, "--smtps-port", "0"));
        Assert.Contains("--smtps-port needs a certificate", error.Message);
    }

    [Fact]
    public async Task Without_a_certificate_STARTTLS_is_not_offered_and_answers_454_RFC3207_4()
    {
        await using var host = await TestHost.StartAsync(DatabasePath);
        var (wire, _) = await SecureWire.ConnectAsync(host.SmtpPort);
        await using (wire)
        {
            Assert.DoesNotContain("STARTTLS", await wire.CommandAsync("EHLO client.example"));
            Assert.StartsWith("454 4.7.0", await wire.CommandAsync("STARTTLS"));
        }
    }

    /// <summary>Connects with STARTTLS and returns the thumbprint of the certificate the server showed.</summary>
    private static async Task<string> ServerThumbprintAsync(int port)
    {
        string? seen = null;
        using var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) =>
            {
                seen = certificate?.GetCertHashString();
                return seen is not null;
            },
        };
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.StartTls, Cancel);
        await client.DisconnectAsync(true, Cancel);
        return seen!;
    }

    private (string Certificate, string Key, string Thumbprint) WritePemPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=pem-test.example", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificatePath = Path.Combine(_folder, "server.crt");
        var keyPath = Path.Combine(_folder, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate.Thumbprint);
    }
}
