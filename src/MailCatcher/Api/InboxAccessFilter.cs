using MailCatcher.Storage.Inboxes;
using Microsoft.Net.Http.Headers;

namespace MailCatcher.Api;

/// <summary>
/// The one place an inbox's API token is checked (issue 13), on the whole
/// <c>/api/v1/inboxes/{inbox}</c> route group: an unknown inbox is 404, and an inbox created with
/// a token answers 401 (with <c>WWW-Authenticate: Bearer</c>, RFC 6750 §3) unless the request
/// carries <c>Authorization: Bearer &lt;token&gt;</c> with that inbox's token. A token reaches its
/// own inbox only: another inbox's token is simply wrong here. Global authentication (issue 12)
/// is joined here too.
/// </summary>
internal sealed class InboxAccessFilter(InboxDirectory inboxes) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var name = http.Request.RouteValues.TryGetValue(InboxScope.RouteValue, out var value) ? value as string : null;
        if (inboxes.Find(name) is not { } inbox)
        {
            return ApiProblems.NotFound($"There is no inbox \"{name}\".");
        }
        if (inbox.RequiresToken && !InboxDirectory.CheckToken(inbox, BearerToken(http.Request)) && !IsLoggedInPerson(http))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"inbox {inbox.Name}\"";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"The inbox \"{inbox.Name}\" needs its API token: Authorization: Bearer <token>.");
        }
        return await next(context);
    }

    /// <summary>
    /// With log-in on (issue 12), a logged-in user or a global API token sees every inbox, as the
    /// administrator's view does; the fallback policy has already kept readers to reading.
    /// </summary>
    internal static bool IsLoggedInPerson(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && !http.User.HasClaim(c => c.Type == Hosting.Security.InboxApiTokens.InboxClaim);

    /// <summary>RFC 6750 §2.1: <c>Authorization: Bearer b64token</c>; the scheme is case-insensitive.</summary>
    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }
}
