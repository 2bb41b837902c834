using Microsoft.Extensions.Primitives;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// Refuses requests a page on another site makes the browser send: every request that may change
/// state (any method but GET, HEAD, OPTIONS from an allowed origin) and every request to the hub
/// and the Blazor circuit, whose WebSockets CORS does not guard. Browsers always send
/// <c>Origin</c> with such requests (Fetch §3.1) and <c>Sec-Fetch-Site</c> with most; clients that
/// send neither (curl, CI jobs, the .NET client) are not browsers and pass. Reads by GET are
/// protected by the same-origin policy (no CORS is granted unless configured) and the host allow-list.
/// </summary>
internal sealed class CrossSiteRequestMiddleware(RequestDelegate next, CorsOriginList corsOrigins)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var guarded = SecurityPaths.IsStreaming(request.Path)
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        if (!guarded || Refusal(request) is not { } reason)
        {
            return next(context);
        }
        return HttpProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused", reason);
    }

    private string? Refusal(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (!StringValues.IsNullOrEmpty(origin))
        {
            var text = origin.ToString();
            if (IsSameOrigin(text, request) || corsOrigins.Allows(text))
            {
                return null;
            }
            var shown = text.Length <= 100 ? text : text[..100] + "…";
            return $"The request comes from a page at '{shown}', not from MailCatcher's own pages; "
                + "to let that site call the API, start MailCatcher with --http-cors-origin.";
        }
        // Fetch Metadata (W3C): a browser that sends no Origin still says where the request came from.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site"
            ? $"The browser marked the request Sec-Fetch-Site: {site}: a page on another site sent it."
            : null;
    }

    /// <summary>RFC 6454 §5: same scheme, host and port as the request itself.</summary>
    internal static bool IsSameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath is not ("/" or ""))
        {
            return false;
        }
        var scheme = request.Scheme;
        var port = request.Host.Port ?? (string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        return string.Equals(uri.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == port;
    }
}
