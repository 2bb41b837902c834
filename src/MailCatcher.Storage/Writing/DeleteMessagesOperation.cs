using MailCatcher.Core.Events;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Search;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Deletes the messages a filter selects, their contents and (through the search trigger) their
/// index entries, in one statement each. The result is the ids deleted, oldest first.
/// </summary>
internal sealed class DeleteMessagesOperation(MessageFilter filter) : WriteOperation<IReadOnlyList<long>>
{
    public override void Execute(WriterCommands commands)
    {
        var where = SqliteSearchSql.Where(filter);
        // Each filter gives different SQL text: one-off commands, so the writer's cache stays small.
        Run(commands, $"DELETE FROM MessageContents WHERE MessageId IN (SELECT m.Id FROM Messages AS m WHERE {where.Sql})", where, null);
        Run(commands, $"DELETE FROM Messages WHERE Id IN (SELECT m.Id FROM Messages AS m WHERE {where.Sql}) RETURNING Id, InboxId", where, _deleted);
        Result = _deleted.Ids;
    }

    private readonly DeletedMessages _deleted = new();

    private static void Run(WriterCommands commands, string sql, SqlCondition where, DeletedMessages? deleted)
    {
        using var command = commands.Connection.CreateCommand();
#pragma warning disable CA2100 // Built from constants and SqliteSearchSql's fragments; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = commands.Transaction;
        foreach (var parameter in where.Parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
        }
        if (deleted is null)
        {
            command.ExecuteNonQuery();
            return;
        }
        deleted.Read(command);
    }

    protected override void Announce(MailEventBus events) => _deleted.Publish(events);
}
