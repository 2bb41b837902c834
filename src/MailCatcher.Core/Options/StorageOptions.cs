namespace MailCatcher.Core.Options;

/// <summary>Message store settings, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The special database path that keeps nothing after the process exits.</summary>
    public const string InMemory = ":memory:";

    /// <summary>
    /// SQLite database file; empty means the default file in the local app-data folder. A
    /// <c>postgres://user:pass@host:port/dbname</c> URL selects PostgreSQL instead (issue 14).
    /// </summary>
    public string Database { get; set; } = "";

    /// <summary>Issue 14: <c>sqlite</c> (the default) or <c>postgres</c>; empty means chosen by <see cref="Database"/>.</summary>
    public string Provider { get; set; } = "";

    /// <summary>Issue 14: an Npgsql connection string (<c>Host=…;Database=…</c>) or a postgres:// URL, used with <see cref="Provider"/> <c>postgres</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Keep only the newest N messages, pruning the oldest; 0 keeps everything.</summary>
    public int MaxMessages { get; set; } = 10_000;

    /// <summary>The database path used when none is configured.</summary>
    public static string DefaultDatabasePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "MailCatcher", "mailcatcher.db");
}
