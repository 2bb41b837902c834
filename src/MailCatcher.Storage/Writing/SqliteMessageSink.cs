using System.Collections.Concurrent;
using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Ingest;
using Microsoft.Data.Sqlite;

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
/// <remarks>
/// Routing to isolated inboxes (issue 13) happens here too, after parsing: the protocol only
/// passes facts (AUTH user, recipients) and <see cref="InboxRouter"/> decides.
/// </remarks>
public sealed class SqliteMessageSink(GroupCommitWriter writer, InboxRouter router, InboxDirectory inboxes) : IMessageSink, ISessionRecorder
{
    /// <summary>SQLITE_FULL: "insertion failed because database is full" (the disk, or max_page_count).</summary>
    private const int SqliteFull = 13;

    private readonly ConcurrentDictionary<long, SessionStart> _openSessions = new();

    public async Task<long> StoreAsync(IncomingMessage message, CancellationToken cancellationToken)
        => (await DeliverAsync(message, cancellationToken))[0].Id;

    public async Task<IReadOnlyList<StoredCopy>> DeliverAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Parsing and compressing happen here, on the session's thread, in parallel across sessions;
        // the writer only copies finished bytes.
        using var prepared = PreparedMessage.Prepare(message, router.HeaderNames);
        var routes = router.Route(message, prepared.Summary.Headers);
        _openSessions.TryGetValue(message.SessionId, out var start);
        var queuedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlyList<long> ids;
        try
        {
            ids = await writer.EnqueueAsync(new InsertMessageOperation(prepared, start, routes));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteFull)
        {
            // The transaction rolled back; the protocol answers "mail system full" (452 4.3.1).
            throw new StorageFullException("The message store's disk is full.", e);
        }
        StorageMetrics.MessageStored(message.Content.Length, queuedAt);
        return [.. routes.Select((route, i) => new StoredCopy(ids[i], route.Inbox.Name, route.Reason))];
    }

    /// <summary>A spool whose content, once large enough to move to a file, is compressed while it arrives.</summary>
    public SpooledContent CreateContent() => new(createFollower: () => new StreamingCompressor());

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
        var inboxId = inboxes.Find(session.AuthenticatedUser) is { SmtpPasswordHash: not null } inbox ? inbox.Id : inboxes.Default.Id;
        return writer.EnqueueDeferredAsync(new EndSessionOperation(session, start, inboxId));
    }
}
