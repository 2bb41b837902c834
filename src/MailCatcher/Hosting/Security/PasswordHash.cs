using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// The password hash of <c>--ui-users-file</c>, made by <c>mailcatcher hash-password</c>:
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>, PBKDF2 with HMAC-SHA-256 (RFC 8018 §5.2), a 16-byte
/// random salt and a 32-byte derived key, both in standard Base64. The same layout as Django's and
/// passlib's <c>pbkdf2_sha256</c>, so other tools can produce it.
/// </summary>
public static class PasswordHash
{
    public const string Prefix = "pbkdf2-sha256";

    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, KeyBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}");
    }

    /// <summary>True when <paramref name="hash"/> has the layout above (the numbers in range, the Base64 valid).</summary>
    public static bool IsWellFormed(string hash) => TryParse(hash, out _, out _, out _);

    /// <summary>Checks a password against a hash in constant time; false for a malformed hash.</summary>
    public static bool Verify(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(hash, out var iterations, out var salt, out var expected))
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string hash, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = key = [];
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations is < 1_000 or > 10_000_000)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            key = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length >= 8 && key.Length >= 16;
    }
}
