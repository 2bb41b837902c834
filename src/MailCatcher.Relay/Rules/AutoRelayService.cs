using System.Threading.Channels;
using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Relay.Bounces;
using MailCatcher.Relay.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailCatcher.Relay.Rules;

/// <summary>
/// Relay rules (<c>--relay-auto</c>): every captured message with an envelope recipient matching
/// a rule (and the allow-list) is queued for those recipients, or for <see cref="RelayOptions.AutoTo"/>.
/// Messages with the null reverse-path (bounces) are never relayed automatically, so a bounce
/// cannot loop.
/// </summary>
public sealed class AutoRelayService(MailEventBus events, RelayOutbox outbox, IOptionsMonitor<RelayOptions> options, ILogger<AutoRelayService> logger)
    : BackgroundService
{
    private readonly Channel<MessageSummary> _received = Channel.CreateUnbounded<MessageSummary>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The recipients a rule sends <paramref name="message"/> to; empty when no rule applies.</summary>
    public static IReadOnlyList<string> TargetsFor(MessageSummary message, RelayOptions relay)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(relay);
        var rules = relay.Auto.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new RecipientPattern(p)).ToList();
        if (!relay.IsConfigured || rules.Count == 0 || string.IsNullOrEmpty(message.EnvelopeFrom) || message.Tags.Contains(BounceService.Tag))
        {
            return [];
        }
        var allow = relay.Allow.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new RecipientPattern(p)).ToList();
        var matching = message.EnvelopeTo.Where(r => RecipientPattern.AnyMatch(rules, r) && (allow.Count == 0 || RecipientPattern.AnyMatch(allow, r))).ToList();
        if (matching.Count == 0)
        {
            return [];
        }
        return string.IsNullOrWhiteSpace(relay.AutoTo) ? matching : [relay.AutoTo.Trim()];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(e =>
        {
            if (e is MessageReceived received)
            {
                _received.Writer.TryWrite(received.Message);
            }
        });
        await foreach (var message in _received.Reader.ReadAllAsync(stoppingToken))
        {
            var targets = TargetsFor(message, options.CurrentValue);
            if (targets.Count == 0)
            {
                continue;
            }
            try
            {
                var entry = await outbox.EnqueueAsync(message.Id, message.EnvelopeFrom, targets, stoppingToken);
                logger.LogInformation("Relay rule: message {MessageId} queued as outbox entry {EntryId} for {Recipients}", message.Id, entry?.Id, string.Join(", ", targets));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Relay rule: could not queue message {MessageId}", message.Id);
            }
        }
    }
}
