using System.Collections.Concurrent;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// The storage side of the protocol seams: messages and session records go through the
/// group-commit writer.
/// </summary>
/// <remarks>
/// A session costs no database write when it starts: its id comes from the writer's counter and
/// its row is written together with its first message (same transaction) or when it ends,
/// whichever comes first. A client that connects, sends one message and quits so waits for
/// one commit, not three.
/// </remarks>
public sealed class SqliteMessageSink(GroupCommitWriter writer) : IMessageSink, ISessionRecorder
{
    private readonly ConcurrentDictionary<long, SessionStart> _openSessions = new();

    public async Task<long> StoreAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Parsing and compressing happen here, on the session's thread, in parallel across sessions;
        // the writer only copies finished bytes.
        using var prepared = PreparedMessage.Prepare(message);
        _openSessions.TryGetValue(message.SessionId, out var start);
        var queuedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var id = await writer.EnqueueAsync(new InsertMessageOperation(prepared, start));
        StorageMetrics.MessageStored(message.Content.Length, queuedAt);
        return id;
    }

    public Task<long> StartAsync(SessionStart start, CancellationToken cancellationToken)
    {
        var id = writer.AllocateSessionId();
        _openSessions[id] = start;
        return Task.FromResult(id);
    }

    public Task EndAsync(SessionEnd session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        _openSessions.TryRemove(session.SessionId, out var start);
        return writer.EnqueueAsync(new EndSessionOperation(session, start));
    }
}
