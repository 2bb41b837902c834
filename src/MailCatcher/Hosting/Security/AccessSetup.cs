using MailCatcher.Core.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// Log-in for the web UI and API (README: "Sharing one MailCatcher"): a cookie for people, HTTP
/// Basic and Bearer tokens for programs, one fallback authorization policy for every endpoint.
/// With no user and no token configured everything stays open, as on a developer's laptop.
/// </summary>
internal static class AccessSetup
{
    /// <summary>Picks the cookie or the API credentials handler for each request.</summary>
    public const string Scheme = "MailCatcher";

    public const string CookieName = "MailCatcher.Auth";

    public static AccessControl AddAccessControl(this WebApplicationBuilder builder)
    {
        var options = Bind<AccessOptions>(builder.Configuration, AccessOptions.Section);
        var storage = Bind<StorageOptions>(builder.Configuration, StorageOptions.Section);
        var access = new AccessControl(UiUserList.Parse(PlainEntries(options), FileLines(options)), ConfiguredApiTokens.Parse(options.ApiTokens));
        var services = builder.Services;
        services.AddSingleton(access);
        var stored = StoredApiTokens.ForDatabase(storage);
        services.AddSingleton(stored);
        services.AddSingleton<IApiTokenValidator>(access.Tokens);
        services.AddSingleton<IApiTokenValidator>(stored);
        services.AddSingleton<IApiTokenValidator, InboxApiTokens>();
        services.AddScoped<UiAccess>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API credentials", policy =>
                policy.ForwardDefaultSelector = context => ApiCredentialsHandler.Carries(context.Request)
                    ? ApiCredentialsHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiCredentialsHandler>(ApiCredentialsHandler.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                // Strict: a link from another site opens the log-in page rather than a logged-in inbox
                // it could frame or drive; the cookie is never sent with a cross-site request.
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = SecurityPaths.Login;
                cookie.LogoutPath = SecurityPaths.Logout;
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.Events.OnRedirectToLogin = context =>
                {
                    if (AccessProblems.WantsLogInPage(context.Request))
                    {
                        context.Response.Redirect(context.RedirectUri);
                        return Task.CompletedTask;
                    }
                    context.Response.Headers.WWWAuthenticate = "Basic realm=\"MailCatcher\", charset=\"UTF-8\", Bearer realm=\"MailCatcher\"";
                    return AccessProblems.UnauthorizedAsync(context.HttpContext);
                };
                cookie.Events.OnRedirectToAccessDenied = context => AccessProblems.ForbiddenAsync(context.HttpContext);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new AccessRequirement(access)).Build());
        return access;
    }

    /// <summary>After routing and the cross-site checks, before the endpoints.</summary>
    public static WebApplication UseAccessControl(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static T Bind<T>(ConfigurationManager configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"{e.Message} Run with --help to see what each option takes.", e);
        }
    }

    private static IEnumerable<(string Entry, string Source)> PlainEntries(AccessOptions options) =>
        options.Users.Select((user, index) => (user, $"--ui-user #{index + 1}"));

    private static IEnumerable<(string Line, string Source)> FileLines(AccessOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.UsersFile))
        {
            return [];
        }
        var path = Path.GetFullPath(options.UsersFile);
        try
        {
            return File.ReadAllLines(path).Select((line, index) => (line, $"{path} line {index + 1}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The UI users file '{path}' (--ui-users-file) could not be read: {e.Message}", e);
        }
    }
}
