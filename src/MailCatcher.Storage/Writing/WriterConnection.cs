using System.Data;
using System.Data.Common;
using MailCatcher.Storage.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// The writer's one connection and its prepared statements, opened again after it breaks. A SQLite
/// file does not go away; a PostgreSQL server may (issue 14): then every batch fails (its callers
/// answer 451 4.3.0) and the next batch tries a fresh connection, so the writer recovers by itself
/// when the server is back, without a restart.
/// </summary>
internal sealed class WriterConnection(DatabaseLocation location, ILogger logger) : IDisposable
{
    private DbConnection? _connection;
    private WriterCommands? _commands;
    private bool _lost;

    /// <summary>The open connection's commands, opening it first when needed.</summary>
    /// <exception cref="DbException">The database cannot be reached.</exception>
    public WriterCommands Open()
    {
        if (_commands is not null && _connection!.State == ConnectionState.Open)
        {
            return _commands;
        }
        Reset();
        var connection = location.CreateConnection();
        try
        {
            connection.Open();
            if (!location.IsPostgres)
            {
                using var pragma = connection.CreateCommand();
                // FULL: every commit reaches the disk before the 250 reply; group commit pays for it.
                // (PostgreSQL's synchronous_commit is on by default: its COMMIT waits for the WAL flush.)
                pragma.CommandText = "PRAGMA synchronous = FULL;";
                pragma.ExecuteNonQuery();
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        _connection = connection;
        _commands = new WriterCommands(connection, location.IsPostgres);
        if (_lost)
        {
            _lost = false;
            logger.LogWarning("The message store is reachable again: {Database}", location.Path);
        }
        return _commands;
    }

    /// <summary>True when the last batch broke the connection itself rather than one statement.</summary>
    public bool IsBroken => _connection is null || _connection.State != ConnectionState.Open;

    /// <summary>Drops a broken connection (and the pool's other connections to a server that restarted).</summary>
    public void MarkLost(Exception error)
    {
        if (!_lost)
        {
            _lost = true;
            logger.LogError(error, "The message store cannot be reached: {Database}; writes answer 451 until it is back", location.Path);
        }
        Reset();
        if (location.IsPostgres)
        {
            using var pool = new NpgsqlConnection(location.ConnectionString);
            NpgsqlConnection.ClearPool(pool);
        }
    }

    private void Reset()
    {
        _commands?.Dispose();
        _commands = null;
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Reset();
}
