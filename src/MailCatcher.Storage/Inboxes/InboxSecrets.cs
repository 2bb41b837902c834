using System.Security.Cryptography;
using System.Text;

namespace MailCatcher.Storage.Inboxes;

/// <summary>
/// The SMTP passwords and API tokens of inboxes: 128 bits or more from the system's CSPRNG, kept
/// only as SHA-256. A generated secret has no dictionary to guess from, so the hash need not be
/// slow (unlike a person's password), and checking a token on every request stays cheap.
/// </summary>
public static class InboxSecrets
{
    /// <summary>The prefix that makes an inbox token recognisable in logs and secret scanners.</summary>
    public const string TokenPrefix = "mci_";

    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(18));

    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string? secret, string? hash)
    {
        if (secret is null || hash is null)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
