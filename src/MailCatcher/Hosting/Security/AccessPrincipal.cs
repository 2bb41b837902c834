using System.Security.Claims;

namespace MailCatcher.Hosting.Security;

/// <summary>The claims every way of logging in produces, so that authorization reads one shape.</summary>
public static class AccessPrincipal
{
    /// <summary>How the caller proved who they are: <c>cookie</c>, <c>basic</c> or <c>token</c>.</summary>
    public const string MethodClaim = "mailcatcher:auth-method";

    public static ClaimsPrincipal Create(string name, string role, string method, string authenticationType, IEnumerable<Claim>? extra = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(MethodClaim, method) };
        claims.AddRange(extra ?? []);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>True when the user may change state (delete, release, faults, read state, tokens).</summary>
    public static bool CanChange(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && user.IsInRole(AccessRoles.Admin);
    }
}
