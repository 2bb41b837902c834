using System.Data.Common;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// The writer's connection and its prepared statements, reused for every batch. The SQL here
/// follows the EF Core model in <c>Database/MailDbContext.cs</c>; it is the one place that
/// writes with hand-written SQL (RETURNING, SQLite's zeroblob streaming), on SQLite or on
/// PostgreSQL (issue 14, see <see cref="ProviderSql"/>).
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];

    public WriterCommands(DbConnection connection, bool isPostgres)
    {
        Connection = connection;
        IsPostgres = isPostgres;
    }

    public DbConnection Connection { get; }

    /// <summary>True on PostgreSQL, for the few statements that differ (blob streaming, search).</summary>
    public bool IsPostgres { get; }

    public DbTransaction? Transaction { get; set; }

    /// <summary>A prepared command for <paramref name="sql"/>, enlisted in the current transaction, its parameters cleared.</summary>
    public DbCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Create(sql);
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>A one-off command (its SQL varies with a filter), enlisted in the current transaction; the caller disposes it.</summary>
    public DbCommand Create(string sql)
    {
        var command = Connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is one of this assembly's constants or fragments; values are always parameters.
        command.CommandText = ProviderSql.For(sql, IsPostgres);
#pragma warning restore CA2100
        command.Transaction = Transaction;
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
