using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// HTTP Basic (RFC 7617) with a UI user's name and password, and Bearer tokens (RFC 6750) checked
/// by every <see cref="IApiTokenValidator"/> in turn. SignalR clients that cannot set headers on a
/// WebSocket may send the token as <c>access_token</c> in the hub's query string (RFC 6750 §2.3).
/// </summary>
internal sealed class ApiCredentialsHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessControl access,
    IEnumerable<IApiTokenValidator> validators)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiCredentials";

    /// <summary>True when the request carries credentials this handler reads.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.Count > 0
        || (request.Path.StartsWithSegments(SecurityPaths.Hubs) && request.Query.ContainsKey("access_token"));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0 && Request.Query["access_token"].ToString() is { Length: > 0 } queryToken)
        {
            header = "Bearer " + queryToken;
        }
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || string.IsNullOrEmpty(value.Parameter))
        {
            return AuthenticateResult.Fail("The Authorization header is not Basic or Bearer credentials.");
        }
        if (value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var validator in validators)
            {
                if (await validator.ValidateAsync(value.Parameter, Context.RequestAborted) is { } principal)
                {
                    return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
                }
            }
            return AuthenticateResult.Fail("Unknown API token.");
        }
        if (value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && Decode(value.Parameter) is var (name, password))
        {
            return access.Users.Verify(name, password) is { } user
                ? AuthenticateResult.Success(new AuthenticationTicket(AccessPrincipal.Create(user.Name, user.Role, "basic", SchemeName), SchemeName))
                : AuthenticateResult.Fail("Wrong user name or password.");
        }
        return AuthenticateResult.Fail("The Authorization header is not Basic or Bearer credentials.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"MailCatcher\", charset=\"UTF-8\", Bearer realm=\"MailCatcher\"";
        return AccessProblems.UnauthorizedAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.ForbiddenAsync(Context);

    /// <summary>RFC 7617 §2: Base64 of <c>user-id ":" password</c>, UTF-8 (the charset we announce).</summary>
    private static (string Name, string Password)? Decode(string parameter)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
