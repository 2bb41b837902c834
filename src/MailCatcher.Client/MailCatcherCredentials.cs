using System.Net.Http.Headers;
using System.Text;

namespace MailCatcher.Client;

/// <summary>
/// How the client proves who it is to a MailCatcher with log-in on: an API token
/// (<c>--api-token</c>, or one made on the Tokens page) or a UI user's name and password (HTTP Basic).
/// </summary>
public sealed class MailCatcherCredentials
{
    private MailCatcherCredentials(AuthenticationHeaderValue header) => Header = header;

    /// <summary>The <c>Authorization</c> header sent with every request.</summary>
    public AuthenticationHeaderValue Header { get; }

    /// <summary>An API token, sent as <c>Authorization: Bearer TOKEN</c> (RFC 6750).</summary>
    public static MailCatcherCredentials Token(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new MailCatcherCredentials(new AuthenticationHeaderValue("Bearer", token));
    }

    /// <summary>A UI user's name and password, sent as HTTP Basic (RFC 7617, UTF-8).</summary>
    public static MailCatcherCredentials Basic(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A user name cannot contain ':' in HTTP Basic.", nameof(userName));
        }
        return new MailCatcherCredentials(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"))));
    }

    /// <summary>Masks the secret, so credentials never end up whole in a log.</summary>
    public override string ToString() => $"{Header.Scheme} ***";
}
