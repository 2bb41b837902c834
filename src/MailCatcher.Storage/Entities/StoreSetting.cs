namespace MailCatcher.Storage.Entities;

/// <summary>
/// A named value that belongs to this database rather than to the configuration, such as the
/// IMAP UIDVALIDITY chosen when the database was created (RFC 3501 §2.3.1.1).
/// </summary>
public sealed class StoreSetting
{
    /// <summary>The name of the value the IMAP server reports as UIDVALIDITY.</summary>
    public const string UidValidity = "UidValidity";

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
