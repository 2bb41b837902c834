using Microsoft.AspNetCore.Components.Authorization;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// What the person behind a Blazor circuit may do. The UI's writes (delete, release, read state,
/// tokens) run inside the circuit, not as HTTP requests, so components ask here both to hide their
/// buttons and again before they act.
/// </summary>
public sealed class UiAccess(AccessControl access, AuthenticationStateProvider authentication)
{
    /// <summary>True when log-in is on (a user name and a log-out button are shown).</summary>
    public bool LogInIsOn => access.IsOn;

    /// <summary>The logged-in user's name, or null.</summary>
    public async Task<string?> UserNameAsync() => (await authentication.GetAuthenticationStateAsync()).User.Identity?.Name;

    /// <summary>True when the user may change state: always without log-in, else the admin role only.</summary>
    public async Task<bool> CanChangeAsync() =>
        !access.IsOn || AccessPrincipal.CanChange((await authentication.GetAuthenticationStateAsync()).User);
}
