using MailCatcher.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Where the SQLite database lives. <c>:memory:</c> becomes a private temporary file deleted at
/// exit: SQLite's own in-memory databases cannot be shared by the writer and concurrent readers
/// with WAL, and a temporary file behaves exactly like the real thing.
/// </summary>
public sealed class DatabaseLocation : IDisposable
{
    public DatabaseLocation(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.Database;
        IsTemporary = configured == StorageOptions.InMemory;
        Path = IsTemporary
            ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mailcatcher-{Guid.NewGuid():N}.db")
            : System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? StorageOptions.DefaultDatabasePath : configured);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>True for <c>--db :memory:</c>: the file is deleted when the process stops.</summary>
    public bool IsTemporary { get; }

    public string ConnectionString { get; }

    /// <summary>What to print at start.</summary>
    public string Description => IsTemporary ? $"{Path} (temporary, deleted at exit)" : Path;

    /// <summary>Bytes on disk, including the write-ahead log.</summary>
    public long SizeBytes => FileSize(Path) + FileSize(Path + "-wal");

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public void Dispose()
    {
        if (!IsTemporary)
        {
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned eventually.
            }
        }
    }
}
