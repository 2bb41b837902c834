using MailCatcher.Core.Events;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Search;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Deletes the messages a filter selects, their contents and (through the search trigger) their
/// index entries, in one statement each. The result is the ids deleted, oldest first.
/// </summary>
internal sealed class DeleteMessagesOperation(MessageFilter filter) : WriteOperation<IReadOnlyList<long>>
{
    public override void Execute(WriterCommands commands)
    {
        var where = commands.IsPostgres ? PostgresSearchSql.Where(filter) : SqliteSearchSql.Where(filter);
        // Each filter gives different SQL text: one-off commands, so the writer's cache stays small.
        Run(commands, $"DELETE FROM MessageContents WHERE MessageId IN (SELECT m.Id FROM Messages AS m WHERE {where.Sql})", where, null);
        Run(commands, $"DELETE FROM Messages WHERE Id IN (SELECT m.Id FROM Messages AS m WHERE {where.Sql}) RETURNING Id, InboxId", where, _deleted);
        Result = _deleted.Ids;
    }

    private readonly DeletedMessages _deleted = new();

    private static void Run(WriterCommands commands, string sql, SqlCondition where, DeletedMessages? deleted)
    {
        // Built from constants and the search seam's fragments; every value is a parameter.
        using var command = commands.Create(sql);
        foreach (var parameter in where.Parameters)
        {
            command.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
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
