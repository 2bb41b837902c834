namespace MailCatcher.Storage.Writing;

/// <summary>
/// Keeps the newest N messages: one statement finds the cut-off id through the primary key and
/// deletes everything at or below it, in the same transaction as the inserts that pushed the
/// store over its limit. Never loads rows one by one.
/// </summary>
internal static class RetentionPruner
{
    private const string FindCutoff = "SELECT Id FROM Messages ORDER BY Id DESC LIMIT 1 OFFSET $keep";
    private const string DeleteContent = "DELETE FROM MessageContents WHERE MessageId <= $cutoff";
    private const string DeleteMessages = "DELETE FROM Messages WHERE Id <= $cutoff RETURNING Id";

    /// <returns>The ids deleted, oldest first; empty when the store is within its limit.</returns>
    public static List<long> Prune(WriterCommands commands, int keep)
    {
        var deleted = new List<long>();
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
        using var reader = messages.ExecuteReader();
        while (reader.Read())
        {
            deleted.Add(reader.GetInt64(0));
        }
        deleted.Sort();
        return deleted;
    }
}
