namespace MailCatcher.Core.Options;

/// <summary>Message store settings, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The special database path that keeps nothing after the process exits.</summary>
    public const string InMemory = ":memory:";

    /// <summary>SQLite database file; empty means the default file in the local app-data folder.</summary>
    public string Database { get; set; } = "";

    /// <summary>Keep only the newest N messages, pruning the oldest; 0 keeps everything.</summary>
    public int MaxMessages { get; set; } = 10_000;

    /// <summary>The database path used when none is configured.</summary>
    public static string DefaultDatabasePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "MailCatcher", "mailcatcher.db");
}
