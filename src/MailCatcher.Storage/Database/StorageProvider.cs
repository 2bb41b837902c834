namespace MailCatcher.Storage.Database;

/// <summary>The database engine behind the mail store (issue 14). SQLite is the default.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
