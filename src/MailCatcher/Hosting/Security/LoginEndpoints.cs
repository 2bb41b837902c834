using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// <c>GET /login</c>, <c>POST /login</c> and <c>POST /logout</c>. The forms carry an anti-forgery
/// token (validated here, explicitly) on top of the Origin check every POST passes.
/// </summary>
internal static class LoginEndpoints
{
    /// <summary>A failed log-in waits this long, so guessing is slow even for a user with a plain password.</summary>
    private static readonly TimeSpan FailureDelay = TimeSpan.FromMilliseconds(500);

    public static void MapLoginEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(SecurityPaths.Login.Value!, ShowAsync).ExcludeFromDescription();
        routes.MapPost(SecurityPaths.Login.Value!, LogInAsync).ExcludeFromDescription().DisableAntiforgery();
        routes.MapPost(SecurityPaths.Logout.Value!, LogOutAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult ShowAsync(HttpContext context, IAntiforgery antiforgery, AccessControl access, string? returnUrl = null)
    {
        if (!access.IsOn)
        {
            return Results.Redirect(Home(context));
        }
        return Page(context, antiforgery, returnUrl, error: null, userName: null, StatusCodes.Status200OK, context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
    }

    private static async Task<IResult> LogInAsync(HttpContext context, IAntiforgery antiforgery, AccessControl access)
    {
        if (!access.IsOn)
        {
            return Results.Redirect(Home(context));
        }
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "The log-in form is posted as application/x-www-form-urlencoded.");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, returnUrl, "The form had expired. Please log in again.", form["name"], StatusCodes.Status400BadRequest);
        }
        var name = form["name"].ToString();
        if (access.Users.Verify(name, form["password"].ToString()) is not { } user)
        {
            await Task.Delay(FailureDelay, context.RequestAborted);
            return Page(context, antiforgery, returnUrl, "Wrong user name or password.", name, StatusCodes.Status401Unauthorized);
        }
        var principal = AccessPrincipal.Create(user.Name, user.Role, "cookie", CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : Home(context));
    }

    private static async Task<IResult> LogOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The log-out form had expired; reload the page and try again.");
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect($"{context.Request.PathBase}{SecurityPaths.Login}");
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, string? userName, int status, string? loggedInAs = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XFrameOptions = "DENY";
        var html = LoginPage.Render(context.Request.PathBase.Value ?? "", tokens.FormFieldName, tokens.RequestToken ?? "", IsLocal(returnUrl) ? returnUrl! : Home(context), error, userName, loggedInAs);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static string Home(HttpContext context) => $"{context.Request.PathBase}/";

    /// <summary>Only a path on this server (not <c>//evil.example</c> or <c>/\evil.example</c>): no open redirect.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
