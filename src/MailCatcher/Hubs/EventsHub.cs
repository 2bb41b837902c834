using Microsoft.AspNetCore.SignalR;

namespace MailCatcher.Hubs;

/// <summary>
/// The public SignalR hub at <c>/hubs/events</c> (design.md). Clients only listen: the server
/// sends <c>messageReceived(summary)</c>, <c>messageUpdated(summary)</c>,
/// <c>messagesDeleted(ids)</c> and <c>sessionEnded(session)</c> as the store changes.
/// </summary>
public sealed class EventsHub : Hub
{
    public const string Path = "/hubs/events";
}
