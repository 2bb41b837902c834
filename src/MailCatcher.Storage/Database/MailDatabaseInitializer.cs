using System.Net.Sockets;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MailCatcher.Storage.Database;

/// <summary>Brings the database to the current schema and starts the writer, before any listener accepts.</summary>
public sealed class MailDatabaseInitializer(IDbContextFactory<MailDbContext> contexts, DatabaseLocation location, GroupCommitWriter writer, InboxDirectory inboxes, InboxRouter router)
{
    /// <exception cref="StorageStartupException">PostgreSQL cannot be reached or refuses the log-in (issue 14).</exception>
    public void Initialize()
    {
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
    }

    private void MigrateSqlite()
    {
        var folder = Path.GetDirectoryName(location.Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        using var db = contexts.CreateDbContext();
        db.Database.Migrate();
        // WAL is a property of the file: readers never block the writer, nor it them.
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
    }

    /// <summary>
    /// Several instances may start at once on one database: EF Core's migrator takes a lock on the
    /// history table, so only one of them applies a migration and the others wait, then find it done.
    /// </summary>
    private void MigratePostgres()
    {
        try
        {
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
