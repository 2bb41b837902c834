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
        services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.Section);
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
