using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Writing;

/// <summary>The storage side of the protocol seams: messages and session records go through the group-commit writer.</summary>
public sealed class SqliteMessageSink(GroupCommitWriter writer) : IMessageSink, ISessionRecorder
{
    public async Task<long> StoreAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        // Parsing and compressing happen here, on the session's thread, in parallel across sessions;
        // the writer only copies finished bytes.
        using var prepared = PreparedMessage.Prepare(message);
        return await writer.EnqueueAsync(new InsertMessageOperation(prepared));
    }

    public Task<long> StartAsync(SessionStart start, CancellationToken cancellationToken)
        => writer.EnqueueAsync(new StartSessionOperation(start));

    public Task EndAsync(SessionEnd session, CancellationToken cancellationToken)
        => writer.EnqueueAsync(new EndSessionOperation(session));
}
