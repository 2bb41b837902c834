using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// The writer's connection and its prepared statements, reused for every batch. The SQL here
/// follows the EF Core model in <c>Database/MailDbContext.cs</c>; it is the one place that
/// writes with SQLite-specific SQL (zeroblob streaming, RETURNING).
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public WriterCommands(SqliteConnection connection)
    {
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction? Transaction { get; set; }

    /// <summary>A prepared command for <paramref name="sql"/>, enlisted in the current transaction, its parameters cleared.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is one of this assembly's constants; values are always parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
