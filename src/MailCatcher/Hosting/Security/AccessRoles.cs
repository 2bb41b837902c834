namespace MailCatcher.Hosting.Security;

/// <summary>
/// The two roles. An admin may do everything; a reader (a QA observer) may look at everything
/// but change nothing: no delete, release, fault or read-state change, by API, hub or UI.
/// </summary>
public static class AccessRoles
{
    public const string Admin = "admin";

    public const string Reader = "reader";

    /// <summary>Reads an optional trailing <c>:admin</c> or <c>:reader</c>; anything else is not a role.</summary>
    public static bool TryParse(string text, out string role)
    {
        role = text.ToLowerInvariant() switch
        {
            Admin => Admin,
            Reader => Reader,
            _ => "",
        };
        return role.Length > 0;
    }

    /// <summary>
    /// Splits <c>NAME:SECRET[:ROLE]</c>. The name may not contain a colon; the secret may, so a
    /// trailing <c>:admin</c> or <c>:reader</c> is always read as the role.
    /// </summary>
    public static bool TrySplit(string entry, out string name, out string secret, out string role)
    {
        ArgumentNullException.ThrowIfNull(entry);
        name = secret = "";
        role = Admin;
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == entry.Length - 1)
        {
            return false;
        }
        name = entry[..colon];
        secret = entry[(colon + 1)..];
        var last = secret.LastIndexOf(':');
        if (last > 0 && TryParse(secret[(last + 1)..], out var parsed))
        {
            role = parsed;
            secret = secret[..last];
        }
        return secret.Length > 0;
    }
}
