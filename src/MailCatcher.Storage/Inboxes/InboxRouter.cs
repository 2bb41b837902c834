using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Messages;

namespace MailCatcher.Storage.Inboxes;

/// <summary>
/// Decides which inboxes a received message goes to (issue 13), first match wins:
/// <list type="number">
/// <item>the SMTP AUTH user, when it names an inbox (the session has already checked its password);</item>
/// <item>the <c>--inbox NAME=PATTERN</c> rules in order, for each envelope recipient: recipient
/// patterns take the recipient, header rules take the whole message;</item>
/// <item><c>default</c> for a recipient no rule took.</item>
/// </list>
/// Recipients routed to two inboxes give one copy in each. A pure decision over the message's facts.
/// </summary>
public sealed class InboxRouter(InboxDirectory directory, IReadOnlyList<InboxRule> rules)
{
    /// <summary>The header fields the rules read, so ingest keeps only those.</summary>
    public IReadOnlyCollection<string> HeaderNames { get; } = [.. rules.Where(r => r.Header is not null).Select(r => r.Header!).Distinct(StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<InboxRule> Rules => rules;

    /// <summary>Why <c>default</c>: with no rules and no other inboxes there is nothing to explain, and the transcript stays as it was.</summary>
    private string DefaultReason => rules.Count == 0 && directory.All.Count == 1 ? "" : "no --inbox rule matched";

    /// <param name="headers">The message's header fields named in <see cref="HeaderNames"/> (first value of each).</param>
    public IReadOnlyList<InboxRoute> Route(IncomingMessage message, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(headers);
        if (directory.Find(message.Session.AuthenticatedUser) is { SmtpPasswordHash: not null } authInbox)
        {
            return [new InboxRoute(authInbox, $"SMTP AUTH user {authInbox.Name}")];
        }
        var routes = new List<InboxRoute>();
        var recipients = message.Envelope.Recipients.Count == 0 ? [""] : message.Envelope.Recipients;
        foreach (var recipient in recipients)
        {
            var route = RouteRecipient(recipient, headers) ?? new InboxRoute(directory.Default, DefaultReason);
            if (!routes.Exists(r => r.Inbox.Id == route.Inbox.Id))
            {
                routes.Add(route);
            }
        }
        return routes;
    }

    private InboxRoute? RouteRecipient(string recipient, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var rule in rules)
        {
            if (rule.Header is { } header)
            {
                if (!headers.TryGetValue(header, out var value) || !(rule.MatchesHeaderValue?.Invoke(value) ?? true))
                {
                    continue;
                }
                var name = rule.Inbox == InboxRule.FromHeaderValue ? value : rule.Inbox;
                if (directory.Find(name) is { } inbox)
                {
                    return new InboxRoute(inbox, $"rule --inbox {rule.Text} ({header}: {value})");
                }
                continue;
            }
            if (recipient.Length > 0 && rule.MatchesRecipient is { } matches && matches(recipient) && directory.Find(rule.Inbox) is { } target)
            {
                return new InboxRoute(target, $"rule --inbox {rule.Text} (recipient {recipient})");
            }
        }
        return null;
    }
}
