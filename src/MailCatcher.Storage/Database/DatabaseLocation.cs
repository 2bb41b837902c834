using MailCatcher.Core.Options;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Where the database lives: a SQLite file, or (issue 14) a PostgreSQL database when
/// <c>--db</c> is a <c>postgres://</c> URL or <c>Storage:Provider</c> is <c>postgres</c>. For SQLite, <c>:memory:</c> becomes a private temporary file deleted at
/// exit: SQLite's own in-memory databases cannot be shared by the writer and concurrent readers
/// with WAL, and a temporary file behaves exactly like the real thing.
/// </summary>
public sealed class DatabaseLocation : IDisposable
{
    public DatabaseLocation(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.Database;
        Provider = ChooseProvider(options.Value);
        if (Provider == StorageProvider.Postgres)
        {
            var given = string.IsNullOrWhiteSpace(options.Value.ConnectionString) ? configured : options.Value.ConnectionString;
            if (string.IsNullOrWhiteSpace(given))
            {
                throw new StorageStartupException("Storage:Provider postgres needs Storage:ConnectionString or --db postgres://user:pass@host:port/dbname.");
            }
            try
            {
                ConnectionString = PostgresConnection.ToConnectionString(given);
            }
            catch (FormatException e)
            {
                throw new StorageStartupException($"Storage:ConnectionString: {e.Message}", e);
            }
            Path = PostgresConnection.Describe(ConnectionString);
            return;
        }
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

    /// <summary>SQLite (the default) or PostgreSQL.</summary>
    public StorageProvider Provider { get; }

    /// <summary>True when the store is PostgreSQL.</summary>
    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>The full path of the database file; for PostgreSQL, its URL without the password.</summary>
    public string Path { get; }

    /// <summary>True for <c>--db :memory:</c>: the file is deleted when the process stops.</summary>
    public bool IsTemporary { get; }

    public string ConnectionString { get; }

    /// <summary>What to print at start.</summary>
    public string Description => IsTemporary ? $"{Path} (temporary, deleted at exit)" : Path;

    /// <summary>Bytes on disk, including the write-ahead log; 0 for PostgreSQL, whose files are the server's.</summary>
    public long SizeBytes => IsPostgres ? 0 : FileSize(Path) + FileSize(Path + "-wal");

    /// <summary>A new, closed connection to the store.</summary>
    public DbConnection CreateConnection() =>
        IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    private static StorageProvider ChooseProvider(StorageOptions options) => options.Provider.Trim().ToUpperInvariant() switch
    {
        "" => PostgresConnection.IsUrl(options.Database) ? StorageProvider.Postgres : StorageProvider.Sqlite,
        "SQLITE" => StorageProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => StorageProvider.Postgres,
        _ => throw new StorageStartupException($"Storage:Provider '{options.Provider}' is not known: use sqlite or postgres."),
    };

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public void Dispose()
    {
        if (IsPostgres)
        {
            // A stopped host's idle connections would otherwise stay open on the server for minutes.
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
            return;
        }
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
