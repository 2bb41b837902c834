using System.Net.Sockets;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MailCatcher.Storage.Database;

/// <summary>Brings the database to the current schema and starts the writer, before any listener accepts.</summary>
public sealed class MailDatabaseInitializer(IDbContextFactory<MailDbContext> contexts, DatabaseLocation location, GroupCommitWriter writer, InboxDirectory inboxes, InboxRouter router, TimeProvider clock)
{
    /// <exception cref="StorageStartupException">PostgreSQL cannot be reached or refuses the log-in (issue 14).</exception>
    public void Initialize()
    {
        // EF Core's model is no longer built by the schema check (a current store costs one query),
        // but it is built before listeners accept, on the other core while the schema is checked.
        // Left to its first use, it was built by the first message's hub event or the outbox's
        // start-up requeue, and a SIGTERM in the first seconds waited for it: 0.4 s to exit became
        // 2.5-2.9 s on a loaded 2-core machine. (ShutdownTests' SIGINT failures in CI, first blamed on
        // this, were a SIGINT the test's server inherited as ignored: see that test.)
        var model = Task.Run(() =>
        {
            using var db = contexts.CreateDbContext();
            return db.Model;
        });
        if (location.IsPostgres)
        {
            MigratePostgres();
        }
        else
        {
            MigrateSqlite();
        }
        writer.Start();
        inboxes.Load();
        // The inboxes --inbox rules route to exist from the start, so they show in the UI and API.
        foreach (var rule in router.Rules.Where(r => r.Inbox != Core.Inboxes.InboxRule.FromHeaderValue))
        {
            inboxes.EnsureExists(rule.Inbox);
        }
        model.GetAwaiter().GetResult();
    }

    private void MigrateSqlite()
    {
        var folder = Path.GetDirectoryName(location.Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        using var connection = new SqliteConnection(location.ConnectionString);
        connection.Open();
        // Issue 11: a new file gets the whole schema from one script, a current one needs nothing;
        // EF Core's migrator (and the models it builds) only runs for a store from an older build.
        if (!SqliteSchemaScript.TryCreate(connection, clock)
            && !MigrationHistory.IsCurrent(connection, typeof(MailDbContext), $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{MigrationHistory.Table}'"))
        {
            using var db = contexts.CreateDbContext();
            db.Database.Migrate();
        }
        // WAL is a property of the file: readers never block the writer, nor it them.
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteNonQuery();
    }

    /// <summary>
    /// Several instances may start at once on one database: EF Core's migrator takes a lock on the
    /// history table, so only one of them applies a migration and the others wait, then find it done.
    /// </summary>
    private void MigratePostgres()
    {
        try
        {
            // Issue 11: a current database needs one query, not EF Core's migrator.
            using (var connection = new NpgsqlConnection(location.ConnectionString))
            {
                connection.Open();
                if (MigrationHistory.IsCurrent(connection, typeof(PostgresMailDbContext), $"SELECT to_regclass('\"{MigrationHistory.Table}\"') IS NOT NULL"))
                {
                    return;
                }
            }
            // A context of its own without the host's logging: on an empty database EF Core reads
            // the history table before creating it and would log that expected failure as an error.
            using var db = new PostgresMailDbContext(new DbContextOptionsBuilder<PostgresMailDbContext>().UseNpgsql(location.ConnectionString).Options);
            db.Database.Migrate();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException || e.InnerException is NpgsqlException or SocketException)
        {
            throw new StorageStartupException($"PostgreSQL at {location.Path} cannot be used: {Reason(e)}", e);
        }
    }

    /// <summary>The innermost message: "Connection refused", "password authentication failed for user …".</summary>
    private static string Reason(Exception e)
    {
        var reasons = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!reasons.Contains(current.Message))
            {
                reasons.Add(current.Message);
            }
        }
        return string.Join(" ", reasons);
    }
}
