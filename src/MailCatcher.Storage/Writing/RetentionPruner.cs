using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Keeps the newest N messages: one statement finds the cut-off id through the primary key and
/// deletes everything at or below it, in the same transaction as the inserts that pushed the
/// store over its limit. Never loads rows one by one. An inbox with its own limit (issue 13) is
/// pruned the same way through <c>(InboxId, Id)</c>; the global limit holds as well.
/// </summary>
internal static class RetentionPruner
{
    private const string FindCutoff = "SELECT Id FROM Messages ORDER BY Id DESC LIMIT 1 OFFSET $keep";
    private const string DeleteContent = "DELETE FROM MessageContents WHERE MessageId <= $cutoff";
    private const string DeleteMessages = "DELETE FROM Messages WHERE Id <= $cutoff RETURNING Id, InboxId";

    private const string FindInboxCutoff = "SELECT Id FROM Messages WHERE InboxId = $inbox ORDER BY Id DESC LIMIT 1 OFFSET $keep";
    private const string DeleteInboxContent = "DELETE FROM MessageContents WHERE MessageId IN (SELECT Id FROM Messages WHERE InboxId = $inbox AND Id <= $cutoff)";
    private const string DeleteInboxMessages = "DELETE FROM Messages WHERE InboxId = $inbox AND Id <= $cutoff RETURNING Id, InboxId";

    /// <returns>The messages deleted; empty when the store is within its limit.</returns>
    public static DeletedMessages Prune(WriterCommands commands, int keep)
    {
        var deleted = new DeletedMessages();
        if (keep <= 0)
        {
            return deleted;
        }
        var find = commands.Get(FindCutoff);
        find.Parameters.AddWithValue("$keep", keep);
        if (find.ExecuteScalar() is not long cutoff)
        {
            return deleted;
        }
        var content = commands.Get(DeleteContent);
        content.Parameters.AddWithValue("$cutoff", cutoff);
        content.ExecuteNonQuery();
        var messages = commands.Get(DeleteMessages);
        messages.Parameters.AddWithValue("$cutoff", cutoff);
        deleted.Read(messages);
        return deleted;
    }

    /// <summary>Keeps the newest <paramref name="keep"/> messages of one inbox.</summary>
    public static DeletedMessages PruneInbox(WriterCommands commands, long inboxId, int keep)
    {
        var deleted = new DeletedMessages();
        if (keep <= 0)
        {
            return deleted;
        }
        var find = commands.Get(FindInboxCutoff);
        find.Parameters.AddWithValue("$inbox", inboxId);
        find.Parameters.AddWithValue("$keep", keep);
        if (find.ExecuteScalar() is not long cutoff)
        {
            return deleted;
        }
        var content = commands.Get(DeleteInboxContent);
        content.Parameters.AddWithValue("$inbox", inboxId);
        content.Parameters.AddWithValue("$cutoff", cutoff);
        content.ExecuteNonQuery();
        var messages = commands.Get(DeleteInboxMessages);
        messages.Parameters.AddWithValue("$inbox", inboxId);
        messages.Parameters.AddWithValue("$cutoff", cutoff);
        deleted.Read(messages);
        return deleted;
    }
}
