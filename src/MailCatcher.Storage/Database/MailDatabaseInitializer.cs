using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Database;

/// <summary>Brings the database to the current schema and starts the writer, before any listener accepts.</summary>
public sealed class MailDatabaseInitializer(IDbContextFactory<MailDbContext> contexts, DatabaseLocation location, GroupCommitWriter writer, InboxDirectory inboxes, InboxRouter router)
{
    public void Initialize()
    {
        var folder = Path.GetDirectoryName(location.Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        using (var db = contexts.CreateDbContext())
        {
            db.Database.Migrate();
            // WAL is a property of the file: readers never block the writer, nor it them.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
        }
        writer.Start();
        inboxes.Load();
        // The inboxes --inbox rules route to exist from the start, so they show in the UI and API.
        foreach (var rule in router.Rules.Where(r => r.Inbox != Core.Inboxes.InboxRule.FromHeaderValue))
        {
            inboxes.EnsureExists(rule.Inbox);
        }
    }
}
