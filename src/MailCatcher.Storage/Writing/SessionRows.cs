using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>Writes a session's row when it is first needed (see <see cref="SqliteMessageSink"/>).</summary>
internal static class SessionRows
{
    private const string InsertIfMissing = """
        INSERT OR IGNORE INTO Sessions (Id, Protocol, StartedAt, ClientAddress, MessageCount)
        VALUES ($id, $protocol, $startedAt, $client, 0)
        """;

    public static void EnsureExists(WriterCommands commands, long id, SessionStart start)
    {
        var insert = commands.Get(InsertIfMissing);
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$protocol", start.Protocol);
        insert.Parameters.AddWithValue("$startedAt", UtcDateTimeConverter.Format(start.StartedAt));
        insert.Parameters.AddWithValue("$client", start.ClientAddress);
        insert.ExecuteNonQuery();
    }
}
