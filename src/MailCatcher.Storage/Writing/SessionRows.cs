using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>Writes a session's row when it is first needed (see <see cref="SqliteMessageSink"/>).</summary>
internal static class SessionRows
{
    private const string InsertIfMissing = """
        INSERT INTO Sessions (Id, Protocol, StartedAt, ClientAddress, MessageCount, InboxId)
        VALUES ($id, $protocol, $startedAt, $client, 0, $inbox)
        ON CONFLICT DO NOTHING
        """;

    /// <param name="inboxId">The inbox the session belongs to: its AUTH user's or its first message's; null when not yet known.</param>
    public static void EnsureExists(WriterCommands commands, long id, SessionStart start, long? inboxId)
    {
        var insert = commands.Get(InsertIfMissing);
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$protocol", start.Protocol);
        insert.Parameters.AddWithValue("$startedAt", UtcDateTimeConverter.Format(start.StartedAt));
        insert.Parameters.AddWithValue("$client", start.ClientAddress);
        insert.Parameters.AddWithValue("$inbox", (object?)inboxId ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }
}
