using MailCatcher.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Relay.Queue;

/// <summary>
/// Keeps this instance's claim on an entry alive while it is being sent (issue 14: several
/// instances on one database): every third of the lease it is pushed forward, so another instance
/// takes the entry over only when this one stopped renewing it, i.e. died mid-send. Two missed
/// renewals in a row still leave a third of the lease to spare.
/// </summary>
internal sealed class OutboxLeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private OutboxLeaseKeeper(OutboxStore store, long id, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _renewing = RenewAsync(store, id, lease, time, logger, _stop.Token);
    }

    /// <summary>Starts renewing the claim on entry <paramref name="id"/> until disposed.</summary>
    public static OutboxLeaseKeeper Start(OutboxStore store, long id, TimeSpan lease, TimeProvider time, ILogger logger) =>
        new(store, id, lease, time, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _renewing;
        }
        catch (OperationCanceledException)
        {
            // The attempt ended: the claim is settled by CompleteAttemptAsync or ReleaseClaimAsync.
        }
        _stop.Dispose();
    }

    private static async Task RenewAsync(OutboxStore store, long id, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        var every = lease / 3 > TimeSpan.FromMilliseconds(100) ? lease / 3 : TimeSpan.FromMilliseconds(100);
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                if (!await store.RenewLeaseAsync(id, time.GetUtcNow().UtcDateTime + lease, stop))
                {
                    // Deleted, or taken over after a lapse longer than the lease: nothing left to hold.
                    logger.LogWarning("Outbox entry {Id}: this instance no longer holds its claim", id);
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox entry {Id}: could not renew the claim; trying again", id);
            }
        }
    }
}
