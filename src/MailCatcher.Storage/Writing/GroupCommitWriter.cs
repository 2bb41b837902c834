using System.Collections.Concurrent;
using System.Threading.Channels;
using MailCatcher.Core.Events;
using MailCatcher.Core.Options;
using MailCatcher.Storage.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// The single writer of the mail store. Callers enqueue operations and await them; the writer
/// takes everything waiting, runs it in one transaction, commits once (one fsync), then
/// releases every caller. Under load many messages share a commit (group commit), so the SMTP
/// 250 is both durable and cheap; when idle a lone message commits at once.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Upper bound on one transaction, so one commit never holds the lock for long.</summary>
    private const int MaxBatch = 256;

    /// <summary>The longest a deferred operation waits for other work to ride with (see <see cref="EnqueueDeferredAsync"/>).</summary>
    private static readonly TimeSpan DeferredDelay = TimeSpan.FromMilliseconds(5);

    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DatabaseLocation _location;
    private readonly MailEventBus _events;
    private readonly IOptions<StorageOptions> _options;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly SessionIds _sessionIds;
    private readonly ConcurrentQueue<WriteOperation> _deferred = new();
    private readonly Timer _deferredFlush;
    private int _deferredFlushScheduled;
    private volatile bool _stopping;
    private Task? _loop;

    public GroupCommitWriter(DatabaseLocation location, MailEventBus events, IOptions<StorageOptions> options, ILogger<GroupCommitWriter> logger)
    {
        _location = location;
        _sessionIds = new SessionIds(location);
        _events = events;
        _options = options;
        _logger = logger;
        _deferredFlush = new Timer(_ => FlushDeferred());
    }

    /// <summary>Commits per batch, for the benchmark's report.</summary>
    public long Commits { get; private set; }

    /// <summary>Starts the writer loop. Called once the schema is migrated.</summary>
    public void Start()
    {
        _sessionIds.Start();
        _loop ??= Task.Factory.StartNew(Run, TaskCreationOptions.LongRunning);
    }

    /// <summary>A new session id, unique in this database, without a write.</summary>
    public long AllocateSessionId() => _sessionIds.Next();

    internal Task<T> EnqueueAsync<T>(WriteOperation<T> operation)
    {
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new InvalidOperationException("The message store is shutting down.");
        }
        return operation.Task;
    }

    /// <summary>
    /// Queues an operation that no client is waiting on (a session's end record, written after its
    /// QUIT was answered): it rides with the next commit of other work, or is committed on its own
    /// after <see cref="DeferredDelay"/> when nothing else comes. Committed alone, a third of the
    /// commits of one-message-per-connection ingest held no message, each paying for an fsync
    /// (issue 16, bench/README.md).
    /// </summary>
    internal Task<T> EnqueueDeferredAsync<T>(WriteOperation<T> operation)
    {
        // Under the lock: an operation deferred before the writer began to stop is in the queue
        // that the writer's last batch drains (CommitRemainingDeferred); after, it goes the usual way.
        lock (_deferred)
        {
            if (_stopping)
            {
                return EnqueueAsync(operation);
            }
            _deferred.Enqueue(operation);
        }
        if (Interlocked.Exchange(ref _deferredFlushScheduled, 1) == 0)
        {
            _deferredFlush.Change(DeferredDelay, Timeout.InfiniteTimeSpan);
        }
        return operation.Task;
    }

    /// <summary>Wakes the writer for deferred operations that found nothing to ride with.</summary>
    private void FlushDeferred()
    {
        Volatile.Write(ref _deferredFlushScheduled, 0);
        if (!_deferred.IsEmpty)
        {
            _queue.Writer.TryWrite(DeferredFlush.Instance);
        }
    }

    private void Run()
    {
        using var connection = new WriterConnection(_location, _logger);
        var batch = new List<WriteOperation>(MaxBatch);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var operation))
            {
                if (operation is not DeferredFlush)
                {
                    batch.Add(operation);
                }
            }
            while (batch.Count < MaxBatch && _deferred.TryDequeue(out var deferred))
            {
                batch.Add(deferred);
            }
            if (batch.Count > 0)
            {
                CommitBatch(connection, batch);
            }
        }
        // At shutdown: the deferred operations queued before the writer stopped are written too.
        while (!_deferred.IsEmpty)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _deferred.TryDequeue(out var deferred))
            {
                batch.Add(deferred);
            }
            CommitBatch(connection, batch);
        }
    }

    /// <summary>Commits one batch; on failure every operation hears why, or is retried alone when the connection survived.</summary>
    private void CommitBatch(WriterConnection connection, List<WriteOperation> batch)
    {
        WriterCommands commands;
        try
        {
            commands = connection.Open();
        }
#pragma warning disable CA1031 // An unreachable database fails this batch (451 to SMTP clients); the next one tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            connection.MarkLost(e);
            batch.ForEach(o => o.Fail(e));
            return;
        }
        if (TryCommit(commands, batch, out var error))
        {
            return;
        }
        if (connection.IsBroken)
        {
            // The connection itself is gone (a PostgreSQL server stopped): nothing to retry alone.
            connection.MarkLost(error!);
            batch.ForEach(o => o.Fail(error!));
            return;
        }
        if (batch.Count > 1)
        {
            // One bad operation must not fail the others: retry each alone.
            foreach (var operation in batch)
            {
                TryCommit(commands, [operation], out _);
            }
        }
    }

    private bool TryCommit(WriterCommands commands, List<WriteOperation> batch, out Exception? error)
    {
        error = null;
        using var checkpoint = DeferredCheckpoint.For(commands, batch, _logger);
        DeletedMessages pruned;
        try
        {
            using var transaction = commands.Connection.BeginTransaction();
            commands.Transaction = transaction;
            foreach (var operation in batch)
            {
                operation.Execute(commands);
            }
            pruned = batch.Exists(o => o.AddsMessages) ? Prune(commands, batch) : new DeletedMessages();
            transaction.Commit();
            Commits++;
        }
#pragma warning disable CA1031 // Any failure is reported to the waiting callers, who answer their clients.
        catch (Exception e)
#pragma warning restore CA1031
        {
            commands.Transaction = null;
            error = e;
            if (batch.Count == 1 && !IsConnectionLoss(commands))
            {
                _logger.LogError(e, "A write to the message store failed");
                batch[0].Fail(e);
            }
            return false;
        }
        commands.Transaction = null;
        foreach (var operation in batch)
        {
            operation.Complete(_events);
        }
        pruned.Publish(_events);
        return true;
    }

    private static bool IsConnectionLoss(WriterCommands commands) => commands.Connection.State != System.Data.ConnectionState.Open;

    /// <summary>Each inbox the batch added to is kept within its own limit, then the store within the global one.</summary>
    private DeletedMessages Prune(WriterCommands commands, List<WriteOperation> batch)
    {
        var pruned = new DeletedMessages();
        foreach (var (inboxId, keep) in batch.SelectMany(o => o.InboxLimits).Distinct())
        {
            pruned.AddRange(RetentionPruner.PruneInbox(commands, inboxId, keep));
        }
        pruned.AddRange(RetentionPruner.Prune(commands, _options.Value.MaxMessages));
        return pruned;
    }

    /// <summary>Lets queued writes finish, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_deferred)
        {
            _stopping = true;
        }
        await _deferredFlush.DisposeAsync();
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}

/// <summary>The wake-up for deferred operations: carries no work of its own.</summary>
internal sealed class DeferredFlush : WriteOperation
{
    public static readonly DeferredFlush Instance = new();

    public override void Execute(WriterCommands commands)
    {
    }

    public override void Complete(MailEventBus events)
    {
    }

    public override void Fail(Exception error)
    {
    }
}
