using System.Security.Cryptography;
using System.Text;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// Tokens are random (256 bits from <see cref="New"/>), so one SHA-256 is enough to store them: a
/// stolen token file cannot be turned back into tokens, and lookup stays a dictionary read.
/// </summary>
public static class ApiTokenHash
{
    public const string TokenPrefix = "mct_";

    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new token: <c>mct_</c> and 43 Base64url characters.</summary>
    public static string New() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
