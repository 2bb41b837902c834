using MailCatcher.Core.Outbox;
using MailCatcher.Relay.Bounces;
using MailCatcher.Relay.Sending;
using MailCatcher.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Relay.Queue;

/// <summary>
/// Sends due outbox entries with at most <see cref="RelayOptions.MaxConcurrency"/> at a time.
/// A 4xx reply or a connection failure defers the entry along the <see cref="BackoffSchedule"/>
/// (RFC 5321 §4.5.4.1); a 5xx, or the end of the retry period, fails it and bounces it to the
/// sender. At start, entries a crash left in <c>sending</c> are queued again (on PostgreSQL only
/// those whose claim lease ran out: another instance may be sending the rest, issue 14); at stop,
/// attempts in flight are abandoned and their entries queued again. While an attempt runs its
/// claim is renewed (<see cref="OutboxLeaseKeeper"/>).
/// </summary>
public sealed class OutboxWorker(
    RelayOutbox outbox,
    OutboxStore store,
    RelaySender sender,
    BounceService bounces,
    IOptionsMonitor<RelayOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>Longest sleep between looks at the queue when nothing wakes the worker.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeued = await store.RequeueInterruptedAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
        if (requeued > 0)
        {
            logger.LogInformation("Outbox: {Count} interrupted entries queued again", requeued);
        }
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var woken = outbox.NextWake;
            var relay = options.CurrentValue;
            if (relay.IsConfigured)
            {
                var free = Math.Max(1, relay.MaxConcurrency) - running.Count;
                try
                {
                    foreach (var work in await store.ClaimDueAsync(time.GetUtcNow().UtcDateTime, free, relay.ClaimLease, stoppingToken))
                    {
                        running.Add(Task.Run(() => AttemptAsync(work, relay.ClaimLease, stoppingToken), CancellationToken.None));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Outbox: could not read the queue");
                }
            }
            var wait = await NextWaitAsync(stoppingToken);
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var timer = Task.Delay(wait, sleep.Token);
            await Task.WhenAny([woken, timer, .. running]);
            await sleep.CancelAsync();
        }
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task<TimeSpan> NextWaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await store.NextDeferredAtAsync(stoppingToken) is { } next)
            {
                var until = next - time.GetUtcNow().UtcDateTime;
                return until <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : (until < IdlePoll ? until : IdlePoll);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Outbox: could not read the queue");
        }
        return IdlePoll;
    }

    private async Task AttemptAsync(OutboxWork work, TimeSpan lease, CancellationToken stoppingToken)
    {
        try
        {
            RelayAttemptResult result;
            await using (var raw = await store.OpenContentAsync(work.Id, stoppingToken))
            {
                if (raw is null)
                {
                    return; // deleted meanwhile
                }
                // Renewed only while the relay has the message: the outcome is recorded after, and
                // a renewal racing that record would find the claim gone.
                await using (OutboxLeaseKeeper.Start(store, work.Id, lease, time, logger))
                {
                    result = await sender.SendAsync(work.From, work.To, raw, stoppingToken);
                }
            }
            var now = time.GetUtcNow().UtcDateTime;
            if (RecipientOutcomes.Differ(work, result))
            {
                await RecordPerRecipientAsync(work, result, now);
                return;
            }
            var attempt = new OutboxAttempt(now, result.Code, result.Text, result.Transcript);
            await RecordAsync(work, attempt, result.Outcome, now);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseClaimAsync(work.Id, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Outbox entry {Id}: the attempt failed unexpectedly", work.Id);
            var now = time.GetUtcNow().UtcDateTime;
            await RecordAsync(work, new OutboxAttempt(now, null, $"Internal error: {e.GetType().Name}", null), RelayOutcome.Transient, now);
        }
    }

    private async Task RecordAsync(OutboxWork work, OutboxAttempt attempt, RelayOutcome outcome, DateTime now)
    {
        DateTime? next = null;
        var state = outcome switch
        {
            RelayOutcome.Sent => OutboxState.Sent,
            RelayOutcome.Permanent => OutboxState.Failed,
            _ => (next = NextAttempt(work, now)) is null ? OutboxState.Failed : OutboxState.Deferred,
        };
        var entry = await store.CompleteAttemptAsync(work.Id, attempt, state, next, CancellationToken.None);
        logger.LogInformation("Outbox entry {Id}: {State} after attempt {Attempt} ({Code} {Text})",
            work.Id, state, work.AttemptCount + 1, attempt.Code, attempt.Text);
        if (entry is not null && state == OutboxState.Failed)
        {
            await BounceAsync(work, attempt, gaveUp: outcome == RelayOutcome.Transient);
        }
    }

    /// <summary>
    /// The relay took the message for some recipients and refused others, or refused them all
    /// with different kinds of reply. RFC 5321 §3.3: the accepted ones have it, so the entry is
    /// sent (or failed, when none was accepted); permanently refused ones are bounced now, and
    /// transiently refused ones move to a new entry that is tried again along the schedule.
    /// </summary>
    private async Task RecordPerRecipientAsync(OutboxWork work, RelayAttemptResult result, DateTime now)
    {
        var next = NextAttempt(work, now);
        var retry = next is null ? [] : result.Rejected.Where(r => r.IsTransient).ToList();
        var failed = result.Rejected.Except(retry).ToList();
        var split = retry.Count == 0 ? null : await store.SplitAsync(work.Id, [.. retry.Select(r => r.Address)], next!.Value, now, CancellationToken.None);
        var attempt = new OutboxAttempt(now, result.Code, RecipientOutcomes.Describe(result, split?.Id), result.Transcript);
        var state = result.Outcome == RelayOutcome.Sent ? OutboxState.Sent : OutboxState.Failed;
        var entry = await store.CompleteAttemptAsync(work.Id, attempt, state, null, CancellationToken.None);
        logger.LogInformation("Outbox entry {Id}: {State} after attempt {Attempt}; {Failed} recipients refused, {Retried} retried as entry {Split}",
            work.Id, state, work.AttemptCount + 1, failed.Count, retry.Count, split?.Id);
        if (entry is not null && failed.Count > 0)
        {
            var refusal = new OutboxAttempt(now, failed[0].Code, failed[0].Text, null);
            await BounceAsync(work with { To = [.. failed.Select(r => r.Address)] }, refusal, gaveUp: failed.TrueForAll(r => r.IsTransient));
        }
    }

    private DateTime? NextAttempt(OutboxWork work, DateTime now)
    {
        var relay = options.CurrentValue;
        return new BackoffSchedule(relay.RetrySchedule, relay.GiveUpAfter).NextAttempt(work.QueuedAt, now, work.AttemptCount + 1);
    }

    private async Task BounceAsync(OutboxWork work, OutboxAttempt attempt, bool gaveUp)
    {
        try
        {
            await bounces.BounceAsync(work, attempt, gaveUp, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Outbox entry {Id}: could not store the bounce", work.Id);
        }
    }
}
