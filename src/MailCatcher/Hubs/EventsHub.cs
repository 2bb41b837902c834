using MailCatcher.Api;
using MailCatcher.Storage.Inboxes;
using Microsoft.AspNetCore.SignalR;

namespace MailCatcher.Hubs;

/// <summary>
/// The public SignalR hub at <c>/hubs/events</c> (design.md). Clients only listen: the server
/// sends <c>messageReceived(summary)</c>, <c>messageUpdated(summary)</c>,
/// <c>messagesDeleted(ids)</c> and <c>sessionEnded(session)</c> as the store changes.
/// </summary>
/// <remarks>
/// A client that connects with <c>?inbox=NAME</c> (issue 13) hears the message events of that
/// inbox only; when the inbox has an API token, the connection must carry it (<c>access_token</c>
/// in the query, as SignalR's clients send it, or <c>Authorization: Bearer</c>), else it is closed;
/// a logged-in person (issue 12) needs none, as on the inbox's API paths.
/// </remarks>
public sealed class EventsHub(InboxDirectory inboxes) : Hub
{
    public const string Path = "/hubs/events";

    /// <summary>The group of clients that hear every inbox.</summary>
    public const string AllInboxes = "inbox:*";

    public static string GroupOf(long inboxId) => $"inbox:{inboxId}";

    public override async Task OnConnectedAsync()
    {
        var request = Context.GetHttpContext()?.Request;
        var name = request?.Query["inbox"].ToString();
        if (string.IsNullOrEmpty(name))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AllInboxes);
            return;
        }
        var token = request!.Query["access_token"].ToString() is { Length: > 0 } fromQuery ? fromQuery : InboxAccessFilter.BearerToken(request);
        var loggedIn = InboxAccessFilter.IsLoggedInPerson(Context.GetHttpContext()!);
        if (inboxes.Find(name) is not { } inbox || (inbox.RequiresToken && !loggedIn && !InboxDirectory.CheckToken(inbox, token)))
        {
            // Unknown inbox and wrong token alike: the connection ends and hears nothing.
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(inbox.Id));
    }
}
