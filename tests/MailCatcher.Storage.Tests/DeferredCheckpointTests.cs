using MailCatcher.Core.Events;
using MailCatcher.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailCatcher.Storage.Tests;

public sealed class DeferredCheckpointTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"deferred-checkpoint-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;
    private readonly WriterCommands _commands;

    public DeferredCheckpointTests()
    {
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; CREATE TABLE Blobs (Data BLOB);");
        _commands = new WriterCommands(_connection, isPostgres: false);
    }

    [Fact]
    public void A_batch_without_large_content_keeps_the_automatic_checkpoint()
    {
        Assert.Null(DeferredCheckpoint.For(_commands, [new Operation(large: false)], NullLogger.Instance));
        Assert.Equal(1000L, Scalar("PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public void A_large_batch_commits_without_checkpointing_then_checkpoints_and_restores_the_automatic_one()
    {
        var checkpoint = DeferredCheckpoint.For(_commands, [new Operation(large: false), new Operation(large: true)], NullLogger.Instance);
        Assert.NotNull(checkpoint);
        Assert.Equal(0L, Scalar("PRAGMA wal_autocheckpoint;"));

        // 2,000 pages: over the 1,000 at which SQLite would checkpoint inside COMMIT.
        Execute("BEGIN; INSERT INTO Blobs VALUES (randomblob(8000000)); COMMIT;");
        Assert.True(new FileInfo(_path).Length < 1_000_000, "the commit left its pages in the WAL, not in the database file");

        checkpoint!.Dispose();

        Assert.True(new FileInfo(_path).Length > 8_000_000, "the checkpoint copied them into the database file");
        Assert.Equal(1000L, Scalar("PRAGMA wal_autocheckpoint;"));
        using var check = _connection.CreateCommand();
        check.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = check.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(2)); // every frame in the WAL is already in the database
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _commands.Dispose();
        _connection.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private sealed class Operation(bool large) : WriteOperation
    {
        public override bool WritesLargeContent => large;

        public override void Execute(WriterCommands commands)
        {
        }

        public override void Complete(MailEventBus events)
        {
        }

        public override void Fail(Exception error)
        {
        }
    }
}
