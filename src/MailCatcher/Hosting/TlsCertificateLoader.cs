using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailCatcher.Core.Options;

namespace MailCatcher.Hosting;

/// <summary>
/// Finds the server certificate for STARTTLS and implicit TLS: PEM files given with
/// <c>--tls-cert</c>/<c>--tls-key</c>, or with <c>--tls-self-signed</c> one generated once and
/// kept in the data folder, so that clients can pin it across restarts. Every problem is a
/// startup error that names the file and the flag.
/// </summary>
internal static class TlsCertificateLoader
{
    /// <summary>The self-signed certificate and its key, readable by the owner only.</summary>
    public const string SelfSignedFile = "tls-self-signed.pem";

    /// <summary>The same certificate without its key, for clients to trust or pin.</summary>
    public const string SelfSignedPublicFile = "tls-self-signed.crt";

    /// <summary>The configured certificate, or null when TLS is off.</summary>
    public static X509Certificate2? Load(TlsOptions tls, string dataFolder, string hostName)
    {
        var hasCertificate = !string.IsNullOrWhiteSpace(tls.Certificate);
        if (hasCertificate && tls.SelfSigned)
        {
            throw new StartupException("Give either --tls-cert (with --tls-key) or --tls-self-signed, not both.");
        }
        if (!hasCertificate && !string.IsNullOrWhiteSpace(tls.Key))
        {
            throw new StartupException("--tls-key needs --tls-cert: the certificate that goes with the key.");
        }
        if (hasCertificate)
        {
            return LoadPem(tls.Certificate!, string.IsNullOrWhiteSpace(tls.Key) ? null : tls.Key);
        }
        return tls.SelfSigned ? LoadOrCreateSelfSigned(dataFolder, hostName) : null;
    }

    private static X509Certificate2 LoadPem(string certificatePath, string? keyPath)
    {
        certificatePath = Path.GetFullPath(certificatePath);
        keyPath = keyPath is null ? null : Path.GetFullPath(keyPath);
        if (!File.Exists(certificatePath))
        {
            throw new StartupException($"The TLS certificate file '{certificatePath}' (--tls-cert) does not exist.");
        }
        if (keyPath is not null && !File.Exists(keyPath))
        {
            throw new StartupException($"The TLS key file '{keyPath}' (--tls-key) does not exist.");
        }
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (!pem.HasPrivateKey)
            {
                throw new CryptographicException("no private key goes with the certificate");
            }
            // An ephemeral PEM key does not work with SslStream everywhere; a PKCS#12 round trip does.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            var key = keyPath ?? certificatePath;
            throw new StartupException(
                $"The TLS certificate '{certificatePath}' (--tls-cert) with the key in '{key}' could not be read as PEM: {e.Message}", e);
        }
    }

    private static X509Certificate2 LoadOrCreateSelfSigned(string dataFolder, string hostName)
    {
        var path = Path.Combine(dataFolder, SelfSignedFile);
        if (!File.Exists(path))
        {
            CreateSelfSigned(dataFolder, path, hostName);
        }
        var certificate = LoadPem(path, null);
        var publicPath = Path.Combine(dataFolder, SelfSignedPublicFile);
        if (!File.Exists(publicPath))
        {
            File.WriteAllText(publicPath, certificate.ExportCertificatePem() + "\n");
        }
        return certificate;
    }

    /// <summary>An RSA-2048 server certificate for localhost and the host name, valid ten years.</summary>
    private static void CreateSelfSigned(string dataFolder, string path, string hostName)
    {
        Directory.CreateDirectory(dataFolder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}, O=MailCatcher", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in new[] { "localhost", hostName, Environment.MachineName }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names.AddDnsName(name);
        }
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        // Written to a temporary name and moved into place, so two instances starting at once
        // never read half a file; the one that moves second keeps the first one's certificate.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
