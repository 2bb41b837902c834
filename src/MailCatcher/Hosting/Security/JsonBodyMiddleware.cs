using Microsoft.Net.Http.Headers;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// State-changing requests carry JSON or no body at all. A page on another site can send a form
/// or <c>text/plain</c> body without asking (a CORS "simple request", Fetch §4.1), but never
/// <c>application/json</c>; refusing the others with 415 closes that door for every endpoint,
/// including ones added later. The hub, the circuit and the log-in form keep their own formats,
/// and the send API also takes a raw <c>message/rfc822</c> body: not a type a form or a simple
/// request can carry, so it opens no door.
/// </summary>
internal sealed class JsonBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (SecurityPaths.IsSafe(request.Method) || SecurityPaths.HasOwnBodyFormat(request.Path) || !HasBody(request) || IsJson(request.ContentType)
            || IsRawMessageForSendApi(request))
        {
            return next(context);
        }
        return HttpProblem.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"A {request.Method} request takes a JSON body (Content-Type: application/json) or none; "
            + $"this one is '{request.ContentType ?? "(no Content-Type)"}'.");
    }

    private static bool IsRawMessageForSendApi(HttpRequest request) =>
        request.Path.StartsWithSegments(SecurityPaths.SendApi)
        && MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
        && media.MediaType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase);

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary><c>application/json</c> or any <c>+json</c> type (RFC 6839 §3.1).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
