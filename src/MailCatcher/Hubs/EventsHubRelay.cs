using MailCatcher.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace MailCatcher.Hubs;

/// <summary>Hands every event of the in-process <see cref="MailEventBus"/> on to the hub's clients.</summary>
internal sealed class EventsHubRelay(MailEventBus bus, IHubContext<EventsHub> hub, ILogger<EventsHubRelay> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(OnEvent);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The hub method name and argument for an event; null for events the hub does not carry.</summary>
    internal static (string Method, object Argument)? ToHubMessage(MailEvent mailEvent) => mailEvent switch
    {
        MessageReceived e => ("messageReceived", e.Message),
        MessageUpdated e => ("messageUpdated", e.Message),
        MessagesDeleted e => ("messagesDeleted", e.Ids),
        SessionEnded e => ("sessionEnded", e.Session),
        OutboxChanged e => ("outboxChanged", e.Entry),
        OutboxEntryDeleted e => ("outboxDeleted", e.Id),
        _ => null,
    };

    private void OnEvent(MailEvent mailEvent)
    {
        if (ToHubMessage(mailEvent) is not { } message)
        {
            return;
        }
        // The bus runs handlers on the storage writer's thread: send without waiting.
        _ = SendAsync(message.Method, message.Argument);
    }

    private async Task SendAsync(string method, object argument)
    {
        try
        {
            await hub.Clients.All.SendAsync(method, argument);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not send {Method} to the hub's clients", method);
        }
    }
}
