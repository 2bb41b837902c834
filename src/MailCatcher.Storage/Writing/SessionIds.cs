using System.Data.Common;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Hands out session ids without a write per session. On SQLite this process is the only writer,
/// so the next id follows the highest ever used. On PostgreSQL several instances may share the
/// database (issue 14): ids come from the sessions table's own sequence, a block at a time, so
/// no two instances ever use the same one.
/// </summary>
internal sealed class SessionIds(DatabaseLocation location)
{
    private const int Block = 64;

    // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, even after deletes.
    private const string SqliteLast = "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'Sessions'), 0), COALESCE((SELECT MAX(Id) FROM Sessions), 0))";

    private const string PostgresBlock = "SELECT nextval(pg_get_serial_sequence('sessions', 'id')) FROM generate_series(1, $block)";

    private readonly Lock _lock = new();
    private readonly Queue<long> _reserved = new();
    private long _last;

    public void Start()
    {
        if (location.IsPostgres)
        {
            return;
        }
        using var connection = location.CreateConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteLast;
        _last = (long)command.ExecuteScalar()!;
    }

    public long Next()
    {
        if (!location.IsPostgres)
        {
            return Interlocked.Increment(ref _last);
        }
        lock (_lock)
        {
            if (_reserved.Count == 0)
            {
                Reserve();
            }
            return _reserved.Dequeue();
        }
    }

    private void Reserve()
    {
        using var connection = location.CreateConnection();
        connection.Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = ProviderSql.For(PostgresBlock, postgres: true);
        command.Parameters.AddWithValue("$block", Block);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _reserved.Enqueue(reader.GetInt64(0));
        }
    }
}
