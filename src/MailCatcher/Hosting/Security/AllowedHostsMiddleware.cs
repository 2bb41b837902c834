namespace MailCatcher.Hosting.Security;

/// <summary>
/// Refuses requests whose <c>Host</c> is not a name MailCatcher serves (<see cref="HostAllowList"/>):
/// 421 Misdirected Request (RFC 9110 §15.5.20) for a foreign name, 400 for none at all.
/// </summary>
internal sealed class AllowedHostsMiddleware(RequestDelegate next, HostAllowList hosts)
{
    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host;
        if (hosts.Allows(host))
        {
            return next(context);
        }
        if (!host.HasValue)
        {
            return HttpProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "No Host header",
                "The request has no Host header (RFC 9112 §3.2), so it cannot be told from a DNS-rebinding request.");
        }
        return HttpProblem.WriteAsync(context, StatusCodes.Status421MisdirectedRequest, "Unknown host name",
            $"MailCatcher does not answer to the name '{Shorten(host.Host)}'. It answers to {string.Join(", ", hosts.Names)}; "
            + "add a name with --http-allowed-hosts (a reverse proxy's public name, for instance).");
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
