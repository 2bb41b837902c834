using MailCatcher.Storage.Database;
using MailCatcher.Core.Events;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Deletes an inbox and everything in it (its messages, their contents and index entries through
/// the search trigger, its sessions and transcripts) in one transaction, so an inbox is never half gone.
/// </summary>
internal sealed class DeleteInboxOperation(long inboxId) : WriteOperation<bool>
{
    private const string DeleteContents = "DELETE FROM MessageContents WHERE MessageId IN (SELECT Id FROM Messages WHERE InboxId = $inbox)";
    private const string DeleteMessages = "DELETE FROM Messages WHERE InboxId = $inbox RETURNING Id, InboxId";
    private const string DeleteTranscripts = "DELETE FROM SessionTranscripts WHERE SessionId IN (SELECT Id FROM Sessions WHERE InboxId = $inbox)";
    private const string DeleteSessions = "DELETE FROM Sessions WHERE InboxId = $inbox";
    private const string DeleteInbox = "DELETE FROM Inboxes WHERE Id = $inbox";

    private readonly DeletedMessages _deleted = new();

    public override void Execute(WriterCommands commands)
    {
        Run(commands, DeleteContents);
        var messages = commands.Get(DeleteMessages);
        messages.Parameters.AddWithValue("$inbox", inboxId);
        _deleted.Read(messages);
        Run(commands, DeleteTranscripts);
        Run(commands, DeleteSessions);
        Result = Run(commands, DeleteInbox) > 0;
    }

    private int Run(WriterCommands commands, string sql)
    {
        var command = commands.Get(sql);
        command.Parameters.AddWithValue("$inbox", inboxId);
        return command.ExecuteNonQuery();
    }

    protected override void Announce(MailEventBus events) => _deleted.Publish(events);
}
