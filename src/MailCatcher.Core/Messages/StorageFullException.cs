namespace MailCatcher.Core.Messages;

/// <summary>
/// The store, or the spool a message is received into, has no room left (disk full,
/// SQLITE_FULL). Nothing was stored; the client may try again once space returns. SMTP answers
/// it with <c>452 4.3.1</c> (RFC 5321 §4.2.2 "insufficient system storage", RFC 3463 §3.4
/// X.3.1 "mail system full"), not with a crash or a 250.
/// </summary>
public sealed class StorageFullException : IOException
{
    /// <summary>errno ENOSPC on Linux and macOS: .NET reports the raw errno as the IOException's HResult.</summary>
    private const int NoSpaceErrno = 28;

    /// <summary>ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs, for Windows.</summary>
    private const int DiskFullHResult = unchecked((int)0x80070070);
    private const int HandleDiskFullHResult = unchecked((int)0x80070027);

    public StorageFullException()
        : base("The message store is full.")
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when an I/O failure means the file system has no space left.</summary>
    public static bool IsDiskFull(Exception exception) => exception is StorageFullException
        || (exception is IOException { HResult: NoSpaceErrno or DiskFullHResult or HandleDiskFullHResult });
}
