using System.Reflection;
using MailCatcher.Storage.Inboxes;

namespace MailCatcher.Api;

/// <summary>
/// The inbox a request reaches (issue 13): the <c>{inbox}</c> route value under
/// <c>/api/v1/inboxes/{inbox}/...</c>, or every inbox on the unscoped paths, which keep their
/// meaning (the administrator's view). Handlers take it as a parameter and pass <see cref="Id"/>
/// to the queries; <see cref="InboxAccessFilter"/> has already answered 404 or 401 when the
/// inbox does not exist or the token is wrong, so a handler never runs for another inbox.
/// </summary>
public sealed class InboxScope
{
    /// <summary>Matches no message: the id of an inbox that does not exist.</summary>
    private const long Nothing = -1;

    private InboxScope(InboxInfo? inbox, long? id)
    {
        Inbox = inbox;
        Id = id;
    }

    public static InboxScope All { get; } = new(null, null);

    /// <summary>The inbox, or null for every inbox.</summary>
    public InboxInfo? Inbox { get; }

    /// <summary>The inbox id for queries; null for every inbox.</summary>
    public long? Id { get; }

    /// <summary>The route parameter that names the inbox.</summary>
    public const string RouteValue = "inbox";

    /// <summary>Minimal APIs' custom binding: read from the route, never from the request body or query.</summary>
    public static ValueTask<InboxScope?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.RouteValues.TryGetValue(RouteValue, out var value) && value is string name)
        {
            var inbox = context.RequestServices.GetRequiredService<InboxDirectory>().Find(name);
            return ValueTask.FromResult<InboxScope?>(new InboxScope(inbox, inbox?.Id ?? Nothing));
        }
        return ValueTask.FromResult<InboxScope?>(All);
    }
}
