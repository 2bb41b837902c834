using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace MailCatcher.Checks.Dkim;

/// <summary>
/// DKIM public keys given offline, by record name (<c>selector._domainkey.example.com</c>), for
/// tests and air-gapped machines. A key file holds a PEM public key, a PEM private key (its public
/// half is used), or the DNS TXT record's text (<c>v=DKIM1; k=rsa; p=...</c>).
/// </summary>
public sealed class DkimKeyStore
{
    private readonly Dictionary<string, AsymmetricKeyParameter> _keys;

    public DkimKeyStore(IReadOnlyDictionary<string, AsymmetricKeyParameter> keys)
        => _keys = new Dictionary<string, AsymmetricKeyParameter>(keys, StringComparer.OrdinalIgnoreCase);

    public static DkimKeyStore Empty { get; } = new(new Dictionary<string, AsymmetricKeyParameter>());

    public int Count => _keys.Count;

    public static string RecordName(string selector, string domain) => $"{selector}._domainkey.{domain.TrimEnd('.')}".ToLowerInvariant();

    public AsymmetricKeyParameter? Find(string recordName) => _keys.GetValueOrDefault(recordName.TrimEnd('.'));

    /// <summary>
    /// Reads <c>NAME=PATH</c> specifications. Throws <see cref="FormatException"/> with a sentence
    /// naming the bad one, so a typo stops the server at start rather than failing every check.
    /// </summary>
    public static DkimKeyStore Load(IEnumerable<string> specifications)
    {
        ArgumentNullException.ThrowIfNull(specifications);
        var keys = new Dictionary<string, AsymmetricKeyParameter>(StringComparer.OrdinalIgnoreCase);
        foreach (var specification in specifications.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var equals = specification.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == specification.Length - 1)
            {
                throw new FormatException($"--dkim-key \"{specification}\" is not NAME=PATH (e.g. sel._domainkey.example.com=/keys/sel.pem).");
            }
            var name = specification[..equals].Trim().TrimEnd('.');
            var path = specification[(equals + 1)..].Trim();
            if (!name.Contains("._domainkey.", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"--dkim-key name \"{name}\" is not selector._domainkey.domain (RFC 6376 §3.6.2.1).");
            }
            if (!File.Exists(path))
            {
                throw new FormatException($"--dkim-key file \"{path}\" for {name} does not exist.");
            }
            keys[name] = Parse(File.ReadAllText(path), name);
        }
        return new DkimKeyStore(keys);
    }

    /// <summary>A key from PEM (public or private) or from the text of a DKIM TXT record.</summary>
    public static AsymmetricKeyParameter Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return DkimKeyLocator.ParseRecord(name, text.Trim());
        }
        try
        {
            using var reader = new StringReader(text);
            var pem = new PemReader(reader).ReadObject();
            return pem switch
            {
                AsymmetricCipherKeyPair pair => pair.Public,
                RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
                Ed25519PrivateKeyParameters ed => ed.GeneratePublicKey(),
                AsymmetricKeyParameter { IsPrivate: false } key => key,
                _ => throw new FormatException($"The PEM for {name} holds no public or private key."),
            };
        }
        catch (Exception e) when (e is IOException or PemException or InvalidCastException or ArgumentException)
        {
            throw new FormatException($"The key for {name} is not readable PEM: {e.Message}", e);
        }
    }

    /// <summary>A locator that uses these keys and never DNS.</summary>
    public DkimKeyLocator OfflineLocator() => new(this, null);
}
