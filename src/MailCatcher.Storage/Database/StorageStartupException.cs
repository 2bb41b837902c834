namespace MailCatcher.Storage.Database;

/// <summary>
/// The mail store cannot start: a storage setting is wrong, or the PostgreSQL server named by it
/// cannot be reached (issue 14). The message says which server and why; the host prints it and exits.
/// </summary>
public sealed class StorageStartupException : InvalidOperationException
{
    public StorageStartupException()
    {
    }

    public StorageStartupException(string message)
        : base(message)
    {
    }

    public StorageStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
