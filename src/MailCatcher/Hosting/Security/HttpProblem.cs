namespace MailCatcher.Hosting.Security;

/// <summary>RFC 9457 problem details written by middleware, where no endpoint result is at hand.</summary>
internal static class HttpProblem
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
