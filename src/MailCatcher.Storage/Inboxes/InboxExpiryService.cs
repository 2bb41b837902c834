using MailCatcher.Core.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Storage.Inboxes;

/// <summary>
/// Deletes inboxes whose time-to-live has passed, with their mail (issue 13): a CI job that
/// forgets to clean up leaves nothing behind. Looks every <see cref="InboxOptions.ExpiryInterval"/>
/// at the directory in memory, so an idle server costs nothing.
/// </summary>
public sealed class InboxExpiryService(InboxDirectory directory, IOptions<InboxOptions> options, TimeProvider clock, ILogger<InboxExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await DeleteExpiredAsync(stoppingToken);
        }
    }

    /// <summary>Deletes every expired inbox now; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var inbox in directory.Expired(clock.GetUtcNow().UtcDateTime))
        {
            try
            {
                if (await directory.DeleteAsync(inbox, cancellationToken))
                {
                    deleted++;
                    logger.LogInformation("Inbox {Inbox} expired and was deleted with its mail", inbox.Name);
                }
            }
#pragma warning disable CA1031 // One failed delete is retried at the next tick; the service must keep running.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Deleting the expired inbox {Inbox} failed; will retry", inbox.Name);
            }
        }
        return deleted;
    }
}
