using System.Collections.Concurrent;
using System.Threading.Channels;
using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Api;

/// <summary>
/// The long-poll waiters of <c>GET /api/v1/messages/wait</c>. A waiting request costs one small
/// object and a task: nothing polls. One bus subscription hands each new message to one loop,
/// which checks it once per distinct waiting filter (in memory for a filter without a search, else
/// one indexed query restricted to the new ids) and wakes the waiters it matches; only a woken
/// waiter reads the database again.
/// </summary>
internal sealed class MessageWaiters : IDisposable
{
    private readonly MailQueries _queries;
    private readonly ILogger<MessageWaiters> _logger;
    private readonly Channel<MessageSummary> _arrivals = Channel.CreateUnbounded<MessageSummary>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Waiter, byte> _waiters = new();
    private readonly IDisposable _subscription;
    private readonly Task _loop;

    public MessageWaiters(MailEventBus events, MailQueries queries, ILogger<MessageWaiters> logger)
    {
        _queries = queries;
        _logger = logger;
        _subscription = events.Subscribe(e =>
        {
            if (e is MessageReceived received && !_waiters.IsEmpty)
            {
                _arrivals.Writer.TryWrite(received.Message);
            }
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many requests are waiting now.</summary>
    public int Count => _waiters.Count;

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages match <paramref name="filter"/>, then
    /// returns the newest <paramref name="count"/> of them; null when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<IReadOnlyList<MessageSummary>?> WaitAsync(MessageFilter filter, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(filter);
        var deadline = DateTime.UtcNow + timeout;
        _waiters.TryAdd(waiter, 0);
        try
        {
            while (true)
            {
                // Armed before the query: a message that arrives while the query runs still wakes us.
                var signal = waiter.Arm();
                var page = await _queries.SearchMessagesAsync(filter, 0, count, cancellationToken);
                if (page.Total >= count)
                {
                    return page.Messages;
                }
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    return null;
                }
                try
                {
                    await signal.WaitAsync(remaining, cancellationToken);
                }
                catch (TimeoutException)
                {
                    return null;
                }
            }
        }
        finally
        {
            _waiters.TryRemove(waiter, out _);
        }
    }

    private async Task RunAsync()
    {
        var reader = _arrivals.Reader;
        var batch = new List<MessageSummary>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 1000 && reader.TryRead(out var message))
            {
                batch.Add(message);
            }
            try
            {
                await WakeAsync(batch);
            }
#pragma warning disable CA1031 // A failed check must not stop the loop; the waiter still times out or is woken by a later message.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogWarning(e, "Could not check new messages against waiting requests");
            }
        }
    }

    private async Task WakeAsync(List<MessageSummary> batch)
    {
        foreach (var group in _waiters.Keys.GroupBy(w => w.Key, StringComparer.Ordinal))
        {
            var filter = group.First().Filter;
            bool matches;
            if (filter.Query.IsEmpty)
            {
                matches = batch.Exists(m => m.Id > (filter.AfterId ?? long.MinValue) && m.ReceivedAt > (filter.ReceivedAfter ?? DateTime.MinValue)
                    && (filter.InboxId is null || m.InboxId == filter.InboxId));
            }
            else
            {
                var ids = await _queries.FindIdsAsync(filter with { Ids = [.. batch.Select(m => m.Id)] }, 1, CancellationToken.None);
                matches = ids.Count > 0;
            }
            if (matches)
            {
                foreach (var waiter in group)
                {
                    waiter.Wake();
                }
            }
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _arrivals.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>One waiting request. Reference identity: two requests with the same filter are two waiters.</summary>
    private sealed class Waiter(MessageFilter filter)
    {
        private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public MessageFilter Filter { get; } = filter;

        /// <summary>Equal for waiters with the same filter, so a new message is checked once per distinct filter.</summary>
        public string Key { get; } = string.Join('\u0001', filter.Query.Terms.Select(t => t.ToString()))
            + $"\u0002{filter.AfterId}\u0002{filter.ReceivedAfter?.Ticks}\u0002{filter.InboxId}";

        public Task Arm()
        {
            var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _signal, fresh);
            return fresh.Task;
        }

        public void Wake() => Volatile.Read(ref _signal).TrySetResult();
    }
}
