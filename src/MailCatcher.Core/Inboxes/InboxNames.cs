using System.Text.RegularExpressions;

namespace MailCatcher.Core.Inboxes;

/// <summary>
/// What an inbox may be called. A name is also an SMTP AUTH user name, a POP3/IMAP login and a
/// URL path segment, so it is kept to lower-case letters, digits, dot, dash and underscore.
/// </summary>
public static partial class InboxNames
{
    /// <summary>The inbox that always exists and takes every message no rule routes elsewhere.</summary>
    public const string Default = "default";

    public const int MaxLength = 64;

    /// <summary>True for a valid name (after <see cref="Normalize"/>).</summary>
    public static bool IsValid(string? name) => name is not null && ValidName().IsMatch(name);

    /// <summary>Names compare without regard to case: <c>Job-42</c> and <c>job-42</c> are one inbox.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
