using System.Security.Claims;
using MailCatcher.Storage.Inboxes;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// An isolated inbox's API token (issue 13) as a log-in of its own when log-in is on: the
/// principal carries an <see cref="InboxClaim"/>, and <see cref="AccessRequirement"/> lets it reach
/// that inbox's paths and nothing else, so a CI job's token never reads the administrator's view.
/// </summary>
internal sealed class InboxApiTokens(InboxDirectory inboxes) : IApiTokenValidator
{
    /// <summary>The one inbox a principal may reach; absent for people and global tokens.</summary>
    public const string InboxClaim = "mailcatcher:inbox";

    public ValueTask<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (inboxes.FindByToken(token) is not { RequiresToken: true } inbox)
        {
            return ValueTask.FromResult<ClaimsPrincipal?>(null);
        }
        // Admin within its inbox: a CI job deletes and releases its own mail.
        var principal = AccessPrincipal.Create($"inbox:{inbox.Name}", AccessRoles.Admin, "inbox-token",
            ApiCredentialsHandler.SchemeName, [new Claim(InboxClaim, inbox.Name)]);
        return ValueTask.FromResult<ClaimsPrincipal?>(principal);
    }

    /// <summary>
    /// True when a principal holding an inbox token may make this request: the inbox's own
    /// <c>/api/v1/inboxes/{name}</c> paths, and the hub when it asks for that inbox's events.
    /// </summary>
    public static bool MayReach(string inbox, HttpRequest request)
    {
        var ownPaths = new PathString("/api/v1/inboxes/" + Uri.EscapeDataString(inbox));
        if (request.Path.StartsWithSegments(ownPaths, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return request.Path.StartsWithSegments(SecurityPaths.Hubs)
            && string.Equals(request.Query["inbox"].ToString(), inbox, StringComparison.OrdinalIgnoreCase);
    }
}
