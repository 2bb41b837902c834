using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// The web UI and API users (<c>--ui-user</c>, <c>--ui-users-file</c>). Passwords given on the
/// command line are kept only as an HMAC under a key made at start; the file holds PBKDF2 hashes
/// (<see cref="PasswordHash"/>). Neither list ever holds or logs a password.
/// </summary>
public sealed class UiUserList
{
    /// <summary>How long a verified PBKDF2 credential is remembered, so HTTP Basic does not cost 600,000 rounds a request.</summary>
    private static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, (UiUser User, byte[]? Mac, string? Hash)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (byte[] Mac, DateTime Until)> _verified = new(StringComparer.Ordinal);

    public static UiUserList Empty { get; } = new();

    public int Count => _users.Count;

    public IEnumerable<UiUser> Users => _users.Values.Select(u => u.User);

    /// <summary>
    /// Reads <c>--ui-user NAME:PASSWORD[:ROLE]</c> entries and users-file lines <c>NAME:HASH[:ROLE]</c>
    /// (blank lines and <c>#</c> comments skipped). Errors name the source, never the secret.
    /// </summary>
    public static UiUserList Parse(IEnumerable<(string Entry, string Source)> plain, IEnumerable<(string Line, string Source)> hashed)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(hashed);
        var list = new UiUserList();
        foreach (var (entry, source) in plain)
        {
            if (!AccessRoles.TrySplit(entry.Trim(), out var name, out var password, out var role))
            {
                throw new StartupException($"{source}: expected NAME:PASSWORD or NAME:PASSWORD:admin|reader.");
            }
            list._users[name] = (new UiUser(name, role), list.Mac(password), null);
        }
        foreach (var (line, source) in hashed)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            if (!AccessRoles.TrySplit(trimmed, out var name, out var hash, out var role) || !PasswordHash.IsWellFormed(hash))
            {
                throw new StartupException($"{source}: expected NAME:{PasswordHash.Prefix}$ITERATIONS$SALT$HASH[:admin|reader] (make the hash with `mailcatcher hash-password`).");
            }
            list._users[name] = (new UiUser(name, role), null, hash);
        }
        return list;
    }

    /// <summary>The user whose password this is, or null. Compares in constant time.</summary>
    public UiUser? Verify(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        if (!_users.TryGetValue(name, out var entry))
        {
            return null;
        }
        var mac = Mac(password);
        if (entry.Mac is not null)
        {
            return CryptographicOperations.FixedTimeEquals(mac, entry.Mac) ? entry.User : null;
        }
        if (_verified.TryGetValue(name, out var known) && known.Until > DateTime.UtcNow && CryptographicOperations.FixedTimeEquals(mac, known.Mac))
        {
            return entry.User;
        }
        if (!PasswordHash.Verify(password, entry.Hash!))
        {
            return null;
        }
        _verified[name] = (mac, DateTime.UtcNow + VerifiedFor);
        return entry.User;
    }

    private byte[] Mac(string password) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(password));
}
