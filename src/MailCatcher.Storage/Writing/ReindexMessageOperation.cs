using MailCatcher.Storage.Database;
using MailCatcher.Storage.Search;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Replaces one message's full-text row with <paramref name="document"/> and takes the message off
/// the re-index queue; with no document (the message is gone) it only dequeues.
/// </summary>
internal sealed class ReindexMessageOperation(long messageId, SearchDocument? document) : WriteOperation<bool>
{
    private const string Dequeue = "DELETE FROM SearchReindexQueue WHERE MessageId = $id";

    public override void Execute(WriterCommands commands)
    {
        if (document is not null)
        {
            var delete = commands.Get(SqliteSearchSql.Delete);
            delete.Parameters.AddWithValue("$id", messageId);
            delete.ExecuteNonQuery();
            var insert = commands.Get(SqliteSearchSql.InsertIfStored);
            SqliteSearchSql.AddInsertParameters((SqliteParameterCollection)insert.Parameters, messageId, document);
            insert.ExecuteNonQuery();
        }
        var dequeue = commands.Get(Dequeue);
        dequeue.Parameters.AddWithValue("$id", messageId);
        dequeue.ExecuteNonQuery();
        Result = true;
    }
}
