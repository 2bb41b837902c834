using System.Text.Json;
using System.Threading.Channels;
using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Queries;
using Microsoft.Extensions.Options;

namespace MailCatcher.Integrations.Webhooks;

/// <summary>
/// Delivers <c>MessageReceived</c> to the configured webhooks, after commit and off the SMTP path:
/// the bus handler only tries to write to a bounded channel (a full one drops and counts, never
/// waits); one loop matches new messages against each webhook's search (one query restricted to
/// the new ids, as the REST waiters do); a few senders POST, and a failed attempt is put back on
/// the queue after its back-off delay instead of holding a sender.
/// </summary>
internal sealed class WebhookDispatcher : IHostedService, IDisposable
{
    public const string MessageReceivedEvent = "message.received";

    private readonly IReadOnlyList<WebhookTarget> _targets;
    private readonly MailEventBus _bus;
    private readonly MailQueries _queries;
    private readonly WebhookSender _sender;
    private readonly WebhookLog _log;
    private readonly WebhookSettings _settings;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Channel<MessageSummary> _arrivals;
    private readonly Channel<Pending> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private IDisposable? _subscription;
    private long _nextId;

    public WebhookDispatcher(WebhookTargets targets, MailEventBus bus, MailQueries queries, WebhookSender sender, WebhookLog log,
        IOptions<WebhookSettings> settings, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _targets = targets.All;
        _bus = bus;
        _queries = queries;
        _sender = sender;
        _log = log;
        _settings = settings.Value;
        _json = json.Value.SerializerOptions;
        _clock = clock;
        _logger = logger;
        var capacity = Math.Max(1, _settings.QueueCapacity);
        _arrivals = Channel.CreateBounded<MessageSummary>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>One delivery on its way: the target, the message, the serialized body and its attempts so far.</summary>
    private sealed record Pending(WebhookTarget Target, WebhookDelivery Delivery, byte[] Body);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_targets.Count == 0)
        {
            return Task.CompletedTask;
        }
        _subscription = _bus.Subscribe(e =>
        {
            // On the writer's thread, after commit: never wait here.
            if (e is MessageReceived received && !_arrivals.Writer.TryWrite(received.Message))
            {
                foreach (var target in _targets)
                {
                    _log.Record(NewDelivery(target, received.Message.Id) with { Outcome = WebhookOutcome.Dropped, Error = "queue full: new messages arrived faster than webhooks took them" });
                }
            }
        });
        _loops.Add(Task.Run(MatchLoopAsync, CancellationToken.None));
        for (var i = 0; i < Math.Max(1, _settings.Concurrency); i++)
        {
            _loops.Add(Task.Run(SendLoopAsync, CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _arrivals.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task MatchLoopAsync()
    {
        var batch = new List<MessageSummary>();
        try
        {
            while (await _arrivals.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (batch.Count < 500 && _arrivals.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }
                try
                {
                    await EnqueueMatchesAsync(batch);
                }
#pragma warning disable CA1031 // A failed match query must not stop webhooks for later mail.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    _logger.LogWarning(e, "Could not match {Count} new messages against webhook searches", batch.Count);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task EnqueueMatchesAsync(List<MessageSummary> batch)
    {
        var bodies = new Dictionary<long, byte[]>();
        foreach (var target in _targets)
        {
            IEnumerable<MessageSummary> matching = batch;
            if (!target.Query.IsEmpty)
            {
                var ids = await _queries.FindIdsAsync(new MessageFilter(target.Query, Ids: [.. batch.Select(m => m.Id)]), batch.Count, _stopping.Token);
                var set = ids.ToHashSet();
                matching = batch.Where(m => set.Contains(m.Id));
            }
            foreach (var message in matching)
            {
                if (!bodies.TryGetValue(message.Id, out var body))
                {
                    body = JsonSerializer.SerializeToUtf8Bytes(message, _json);
                    bodies[message.Id] = body;
                }
                Enqueue(new Pending(target, NewDelivery(target, message.Id), body));
            }
        }
    }

    private void Enqueue(Pending pending)
    {
        if (_queue.Writer.TryWrite(pending))
        {
            _log.Record(pending.Delivery);
            return;
        }
        _log.Record(pending.Delivery with { Outcome = WebhookOutcome.Dropped, NextAttemptAt = null, Error = "queue full: too many deliveries waiting" });
    }

    private async Task SendLoopAsync()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                if (_queue.Reader.TryRead(out var pending))
                {
                    await AttemptAsync(pending);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AttemptAsync(Pending pending)
    {
        var attempt = await _sender.SendAsync(pending.Target, pending.Delivery.Id, MessageReceivedEvent, pending.Body, _settings.Timeout, _stopping.Token);
        var now = _clock.GetUtcNow().UtcDateTime;
        var attempts = pending.Delivery.Attempts + 1;
        var delivery = pending.Delivery with { Attempts = attempts, StatusCode = attempt.StatusCode, Error = attempt.Error, LastAttemptAt = now, NextAttemptAt = null };
        if (attempt.Succeeded)
        {
            _log.Record(delivery with { Outcome = WebhookOutcome.Delivered });
            return;
        }
        var delays = _settings.EffectiveRetryDelays;
        if (!attempt.Retryable || attempts > delays.Count)
        {
            _log.Record(delivery with { Outcome = WebhookOutcome.Failed });
            _logger.LogWarning("Webhook {Url} failed for message {MessageId} after {Attempts} attempts: {Error}", pending.Target.DisplayUrl, delivery.MessageId, attempts, attempt.Error);
            return;
        }
        var delay = delays[attempts - 1];
        var retry = pending with { Delivery = delivery with { Outcome = WebhookOutcome.Retrying, NextAttemptAt = now + delay } };
        _log.Record(retry.Delivery);
        _ = RetryLaterAsync(retry, delay);
    }

    private async Task RetryLaterAsync(Pending pending, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _clock, _stopping.Token);
            Enqueue(pending);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private WebhookDelivery NewDelivery(WebhookTarget target, long messageId) => new()
    {
        Id = Interlocked.Increment(ref _nextId),
        Url = target.DisplayUrl,
        MessageId = messageId,
        CreatedAt = _clock.GetUtcNow().UtcDateTime,
        Outcome = WebhookOutcome.Pending,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
    }
}
