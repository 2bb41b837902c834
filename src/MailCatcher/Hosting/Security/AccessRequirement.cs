using Microsoft.AspNetCore.Authorization;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// The one rule every endpoint falls under (the authorization fallback policy, so endpoints added
/// later are covered without a line of their own): with log-in on, a caller must be logged in, and
/// any method but GET, HEAD or OPTIONS needs the admin role. <c>/healthz</c>, log-in and log-out are open
/// (the forms carry an anti-forgery token).
/// </summary>
internal sealed class AccessRequirement : AuthorizationHandler<AccessRequirement>, IAuthorizationRequirement
{
    private readonly AccessControl _access;

    public AccessRequirement(AccessControl access) => _access = access;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            // Not an HTTP request (a component asking): the user decides alone.
            if (!_access.IsOn || context.User.Identity?.IsAuthenticated == true)
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
        var path = http.Request.Path;
        if (!_access.IsOn || path.StartsWithSegments(SecurityPaths.Health) || path.StartsWithSegments(SecurityPaths.Login) || path.StartsWithSegments(SecurityPaths.Logout))
        {
            context.Succeed(requirement);
        }
        else if (context.User.FindFirst(InboxApiTokens.InboxClaim) is { } inbox)
        {
            // An inbox's token reaches that inbox only (issue 13), never the unscoped paths.
            if (InboxApiTokens.MayReach(inbox.Value, http.Request))
            {
                context.Succeed(requirement);
            }
        }
        else if (context.User.Identity?.IsAuthenticated == true
            && (SecurityPaths.IsSafe(http.Request.Method) || AccessPrincipal.CanChange(context.User) || IsCircuitTransport(http.Request)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// SignalR and Blazor carry their frames in POSTs (negotiate, long polling, disconnect); a reader
    /// needs them to watch. What a reader may do inside the circuit is decided by the components.
    /// </summary>
    private static bool IsCircuitTransport(HttpRequest request) => SecurityPaths.IsStreaming(request.Path);
}
