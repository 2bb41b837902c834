using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace MailCatcher.Core.Users;

/// <summary>
/// The one user list (<c>--smtp-user</c>, <c>--smtp-users-file</c>) that SMTP AUTH, POP3 and IMAP
/// check. Empty means "accept every credential": applications are
/// configured with real credentials, and a capture tool must take whatever they send. Plain
/// passwords are kept because CRAM-MD5 (RFC 2195) and APOP (RFC 1939) need them to compute the
/// expected digest.
/// </summary>
public sealed class UserList
{
    private readonly Dictionary<string, string> _passwords;

    private UserList(Dictionary<string, string> passwords) => _passwords = passwords;

    public static UserList AcceptAll { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>True when credentials are checked at all.</summary>
    public bool ChecksCredentials => _passwords.Count > 0;

    public int Count => _passwords.Count;

    /// <summary>
    /// Reads <c>name:password</c> entries (the password may contain colons; the name may not).
    /// Blank lines and lines starting with <c>#</c> are skipped. <paramref name="source"/> names
    /// where the entries came from, for the error message; the error never repeats a password.
    /// </summary>
    public static bool TryParse(IEnumerable<(string Line, string Source)> entries, [NotNullWhen(true)] out UserList? users, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, source) in entries)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                users = null;
                error = $"{source}: expected name:password";
                return false;
            }
            passwords[trimmed[..colon]] = trimmed[(colon + 1)..];
        }
        users = new UserList(passwords);
        error = null;
        return true;
    }

    /// <summary>PLAIN and LOGIN, POP3 USER/PASS, IMAP LOGIN: the user's password, compared in constant time.</summary>
    public bool CheckPassword(string user, string password)
    {
        if (!ChecksCredentials)
        {
            return true;
        }
        if (!_passwords.TryGetValue(user, out var expected))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }

    /// <summary>RFC 2195 §2: the digest is HMAC-MD5 of the challenge keyed with the password, in lower-case hex.</summary>
    public bool CheckCramMd5(string user, string challenge, string hexDigest)
    {
        if (!ChecksCredentials)
        {
            return true;
        }
        if (!_passwords.TryGetValue(user, out var password))
        {
            return false;
        }
#pragma warning disable CA5351 // CRAM-MD5 is defined on MD5; the mechanism is offered because clients use it.
        var expected = HMACMD5.HashData(Encoding.UTF8.GetBytes(password), Encoding.ASCII.GetBytes(challenge));
#pragma warning restore CA5351
        var expectedHex = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected));
        return CryptographicOperations.FixedTimeEquals(expectedHex, Encoding.ASCII.GetBytes(hexDigest.ToLowerInvariant()));
    }

    /// <summary>RFC 1939 §7 APOP: the digest is MD5(timestamp + password), in lower-case hex.</summary>
    public bool CheckApop(string user, string timestamp, string hexDigest)
    {
        ArgumentNullException.ThrowIfNull(hexDigest);
        if (!ChecksCredentials)
        {
            return true;
        }
        if (!_passwords.TryGetValue(user, out var password))
        {
            return false;
        }
#pragma warning disable CA5351 // RFC 1939 defines APOP with MD5; it is not our choice.
        var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(timestamp + password)));
#pragma warning restore CA5351
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(hexDigest.ToLowerInvariant()));
    }
}
