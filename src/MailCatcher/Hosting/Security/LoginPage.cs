using System.Text.Encodings.Web;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// The log-in page: plain server-rendered HTML (the Blazor circuit needs a logged-in user, so this
/// page cannot be a component), with the app's stylesheet and theme, and an anti-forgery token.
/// </summary>
internal static class LoginPage
{
    /// <param name="loggedInAs">The user already logged in: the page then offers to log out instead.</param>
    public static string Render(string pathBase, string antiforgeryField, string antiforgeryToken, string returnUrl, string? error, string? userName, string? loggedInAs = null)
    {
        var html = HtmlEncoder.Default;
        var form = loggedInAs is null ? LogInForm(html, antiforgeryField, antiforgeryToken, returnUrl, error, userName) : LogOutForm(html, antiforgeryField, antiforgeryToken, loggedInAs);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <base href="{{html.Encode(pathBase)}}/" />
                <script src="js/theme.js"></script>
                <link rel="stylesheet" href="css/app.css" />
                <link rel="stylesheet" href="css/access.css" />
                <link rel="icon" href="favicon.svg" type="image/svg+xml" />
                <title>Log in · MailCatcher</title>
            </head>
            <body>
                <main class="login">
                    {{form}}
                </main>
            </body>
            </html>
            """;
    }

    private static string LogOutForm(HtmlEncoder html, string antiforgeryField, string antiforgeryToken, string loggedInAs) => $$"""
        <form class="login-card" method="post" action="logout" data-testid="logout-form">
            {{Brand}}
            <h1>Logged in</h1>
            <p class="login-hint">You are logged in as <strong data-testid="logged-in-as">{{html.Encode(loggedInAs)}}</strong>.</p>
            <input type="hidden" name="{{html.Encode(antiforgeryField)}}" value="{{html.Encode(antiforgeryToken)}}" />
            <button type="submit" class="btn primary" data-testid="logout-submit">Log out</button>
            <a class="btn ghost" href="./">Back to the inbox</a>
        </form>
        """;

    private const string Brand = """
        <div class="login-brand">
            <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true"><rect x="2.5" y="5" width="19" height="14" rx="3" /><path d="M3.5 7l8.5 6 8.5-6" /></svg>
            <span>MailCatcher</span>
        </div>
        """;

    private static string LogInForm(HtmlEncoder html, string antiforgeryField, string antiforgeryToken, string returnUrl, string? error, string? userName)
    {
        var errorBlock = error is null ? "" : $"""<p class="login-error" role="alert" data-testid="login-error">{html.Encode(error)}</p>""";
        return $$"""
            <form class="login-card" method="post" action="login" data-testid="login-form">
                {{Brand}}
                <h1>Log in</h1>
                <p class="login-hint">This MailCatcher is shared: log in to read the captured mail.</p>
                {{errorBlock}}
                <label for="name">User name</label>
                <input id="name" name="name" autocomplete="username" required autofocus value="{{html.Encode(userName ?? "")}}" />
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required />
                <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}" />
                <input type="hidden" name="{{html.Encode(antiforgeryField)}}" value="{{html.Encode(antiforgeryToken)}}" />
                <button type="submit" class="btn primary" data-testid="login-submit">Log in</button>
            </form>
            """;
    }
}
