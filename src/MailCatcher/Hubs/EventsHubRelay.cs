using MailCatcher.Core.Events;
using MailCatcher.Storage.Inboxes;
using Microsoft.AspNetCore.SignalR;

namespace MailCatcher.Hubs;

/// <summary>Hands every event of the in-process <see cref="MailEventBus"/> on to the hub's clients.</summary>
/// <remarks>Message events go to the clients of every inbox and to those of the message's inbox (issue 13); the rest only to the former.</remarks>
internal sealed class EventsHubRelay(MailEventBus bus, IHubContext<EventsHub> hub, InboxDirectory inboxes, ILogger<EventsHubRelay> logger) : IHostedService
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

    /// <summary>The inbox an event belongs to, when it belongs to one.</summary>
    internal static long? InboxOf(MailEvent mailEvent) => mailEvent switch
    {
        MessageReceived e => e.Message.InboxId,
        MessageUpdated e => e.Message.InboxId,
        MessagesDeleted e => e.InboxId,
        _ => null,
    };

    private void OnEvent(MailEvent mailEvent)
    {
        // Summaries written by operations that do not know inbox names get theirs here.
        mailEvent = mailEvent switch
        {
            MessageReceived e => e with { Message = e.Message with { Inbox = inboxes.NameOf(e.Message.InboxId) } },
            MessageUpdated e => e with { Message = e.Message with { Inbox = inboxes.NameOf(e.Message.InboxId) } },
            _ => mailEvent,
        };
        if (ToHubMessage(mailEvent) is not { } message)
        {
            return;
        }
        IReadOnlyList<string> groups = InboxOf(mailEvent) is { } inboxId ? [EventsHub.AllInboxes, EventsHub.GroupOf(inboxId)] : [EventsHub.AllInboxes];
        // The bus runs handlers on the storage writer's thread: send without waiting.
        _ = SendAsync(message.Method, message.Argument, groups);
    }

    private async Task SendAsync(string method, object argument, IReadOnlyList<string> groups)
    {
        try
        {
            await hub.Clients.Groups(groups).SendAsync(method, argument);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not send {Method} to the hub's clients", method);
        }
    }
}
