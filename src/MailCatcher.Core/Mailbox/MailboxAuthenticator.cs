using System.Security.Cryptography;
using System.Text;
using MailCatcher.Core.Options;

namespace MailCatcher.Core.Mailbox;

/// <summary>
/// Checks POP3/IMAP credentials. With no user list every name and password is accepted (the
/// capture tool's normal mode); with one, the name and password must match an entry.
/// </summary>
public sealed class MailboxAuthenticator(MailboxOptions options)
{
    private readonly Dictionary<string, string> _users = Parse(options.Users);

    public bool RequiresCredentials => _users.Count > 0;

    /// <summary>Plain user name and password (POP3 USER/PASS, IMAP LOGIN, SASL PLAIN).</summary>
    public bool Check(string user, string password) =>
        !RequiresCredentials
        || (_users.TryGetValue(user, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password)));

    /// <summary>RFC 1939 §7 APOP: the digest is MD5(timestamp + password), in lower-case hex.</summary>
    public bool CheckApop(string user, string timestamp, string digest)
    {
        if (!RequiresCredentials)
        {
            return true;
        }
        if (!_users.TryGetValue(user, out var password))
        {
            return false;
        }
#pragma warning disable CA5351 // RFC 1939 defines APOP with MD5; it is not our choice.
        var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(timestamp + password)));
#pragma warning restore CA5351
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(digest.ToLowerInvariant()));
    }

    /// <summary>The part of the mailbox <paramref name="user"/> sees.</summary>
    public MailboxScope ScopeFor(string user) => options.PerUser ? new MailboxScope(user) : MailboxScope.Everything;

    private static Dictionary<string, string> Parse(IEnumerable<string> entries)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                users[entry[..colon]] = entry[(colon + 1)..];
            }
        }
        return users;
    }
}
