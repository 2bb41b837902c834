using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>Creates a session row when a client connects, so its messages can refer to it.</summary>
internal sealed class StartSessionOperation(SessionStart start) : WriteOperation<long>
{
    private const string Insert = "INSERT INTO Sessions (Protocol, StartedAt, ClientAddress, MessageCount) VALUES ($protocol, $startedAt, $client, 0) RETURNING Id";

    public override void Execute(WriterCommands commands)
    {
        var insert = commands.Get(Insert);
        insert.Parameters.AddWithValue("$protocol", start.Protocol);
        insert.Parameters.AddWithValue("$startedAt", UtcDateTimeConverter.Format(start.StartedAt));
        insert.Parameters.AddWithValue("$client", start.ClientAddress);
        Result = (long)insert.ExecuteScalar()!;
    }
}
