using MailCatcher.Core.Outbox;
using MailCatcher.Relay.Rules;
using MailCatcher.Storage.Outbox;
using MailCatcher.Storage.Queries;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MailCatcher.Relay.Queue;

/// <summary>
/// The front of the outbox: checks a release against the configuration and the allow-list,
/// copies the message into the queue, and wakes the worker. Nothing is relayed unless a user
/// or a relay rule asks.
/// </summary>
public sealed class RelayOutbox(OutboxStore store, MailQueries queries, IOptionsMonitor<RelayOptions> options, TimeProvider time)
{
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsConfigured => options.CurrentValue.IsConfigured;

    /// <summary>Queues message <paramref name="messageId"/> for <paramref name="to"/>, or its envelope recipients when null.</summary>
    public async Task<ReleaseResult> ReleaseAsync(long messageId, IReadOnlyList<string>? to, CancellationToken cancellationToken)
    {
        var message = await queries.GetMessageAsync(messageId, cancellationToken);
        if (message is null)
        {
            return new ReleaseResult(ReleaseStatus.MessageNotFound, null, $"There is no message {messageId}.");
        }
        var relay = options.CurrentValue;
        if (!relay.IsConfigured)
        {
            return new ReleaseResult(ReleaseStatus.RelayNotConfigured, null, "No relay is configured: start MailCatcher with --relay-host (or set Relay:Host).");
        }
        var recipients = new List<string>();
        foreach (var text in to ?? Storage.Database.StorageJson.Deserialize<List<string>>(message.EnvelopeToJson))
        {
            if (!MailboxAddress.TryParse(text, out var mailbox) || string.IsNullOrEmpty(mailbox.Address) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                return new ReleaseResult(ReleaseStatus.InvalidRecipients, null, $"'{text}' is not an email address.");
            }
            if (!recipients.Contains(mailbox.Address, StringComparer.OrdinalIgnoreCase))
            {
                recipients.Add(mailbox.Address);
            }
        }
        if (recipients.Count == 0)
        {
            return new ReleaseResult(ReleaseStatus.InvalidRecipients, null, "A release needs at least one recipient.");
        }
        var allow = relay.Allow.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new RecipientPattern(p)).ToList();
        var refused = allow.Count == 0 ? [] : recipients.Where(r => !RecipientPattern.AnyMatch(allow, r)).ToList();
        if (refused.Count > 0)
        {
            return new ReleaseResult(ReleaseStatus.NotAllowed, null,
                $"Not in the relay allow-list ({string.Join(", ", allow)}): {string.Join(", ", refused)}.");
        }
        var entry = await EnqueueAsync(messageId, message.EnvelopeFrom, recipients, cancellationToken);
        return entry is null
            ? new ReleaseResult(ReleaseStatus.MessageNotFound, null, $"There is no message {messageId}.")
            : new ReleaseResult(ReleaseStatus.Queued, entry, null);
    }

    /// <summary>Copies the message's exact bytes into the outbox and wakes the worker; null when the message is gone.</summary>
    public async Task<OutboxEntry?> EnqueueAsync(long messageId, string from, IReadOnlyList<string> to, CancellationToken cancellationToken)
    {
        await using var raw = await queries.OpenRawAsync(messageId, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        var entry = await store.AddAsync(messageId, from, to, raw, time.GetUtcNow().UtcDateTime, cancellationToken);
        Wake();
        return entry;
    }

    public async Task<OutboxRetryResult> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var result = await store.RetryAsync(id, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (result.Requeued)
        {
            Wake();
        }
        return result;
    }

    /// <summary>Tells the worker there is something to do now.</summary>
    public void Wake() =>
        Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Completes at the next <see cref="Wake"/>. Take it before looking at the queue, so that a
    /// wake between the look and the wait is not lost; every waiter sees every wake.
    /// </summary>
    internal Task NextWake => Volatile.Read(ref _wake).Task;
}
