using MailCatcher.Relay.Bounces;
using MailCatcher.Relay.Queue;
using MailCatcher.Relay.Rules;
using MailCatcher.Relay.Sending;
using MailCatcher.Storage.Outbox;
using MailCatcher.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailCatcher.Relay;

public static class RelayServiceCollectionExtensions
{
    /// <summary>Registers the relay: options (<c>Relay</c> section), the outbox, the sender, bounces, the worker and the relay rules. Needs <c>AddMailStorage</c>.</summary>
    public static IServiceCollection AddMailRelay(this IServiceCollection services)
    {
        // Checked at start, so a bad --relay-tls or --relay-retry stops MailCatcher with a message instead of failing each release.
        services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.Section)
            .Validate(o => o.Port is > 0 and < 65536, "Relay:Port must be between 1 and 65535.")
            .Validate(o => o.MaxConcurrency > 0, "Relay:MaxConcurrency must be at least 1.")
            .Validate(o => o.RetrySchedule.TrueForAll(i => i > TimeSpan.Zero), "Relay:RetrySchedule intervals must be positive.")
            .Validate(o => o.GiveUpAfter > TimeSpan.Zero, "Relay:GiveUpAfter must be positive.")
            // Issue 14: a lease shorter than a second would lapse between renewals on a busy machine.
            .Validate(o => o.ClaimLease >= TimeSpan.FromSeconds(1), "Relay:ClaimLease must be at least 1 second.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<MessageTagger>();
        services.AddSingleton<RelaySender>();
        services.AddSingleton<BounceService>();
        services.AddSingleton<RelayOutbox>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<AutoRelayService>();
        return services;
    }
}
