namespace MailCatcher.Hosting.Security;

/// <summary>The 401 and 403 answers, as problem details, for every way of being refused.</summary>
internal static class AccessProblems
{
    public static Task UnauthorizedAsync(HttpContext context) =>
        HttpProblem.WriteAsync(context, StatusCodes.Status401Unauthorized, "Log-in required",
            "This MailCatcher has users: send a UI user's name and password (HTTP Basic), an API token (Authorization: Bearer), or log in at /login.");

    public static Task ForbiddenAsync(HttpContext context) =>
        HttpProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "Read-only",
            $"{context.User.Identity?.Name ?? "This user"} has the reader role: it may look at mail but not delete, release or change anything.");

    /// <summary>
    /// A person's browser opening a page is sent to the log-in page; everything else (API clients,
    /// the hub, the circuit, scripts) gets a 401 it can read.
    /// </summary>
    public static bool WantsLogInPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !SecurityPaths.IsStreaming(request.Path)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
