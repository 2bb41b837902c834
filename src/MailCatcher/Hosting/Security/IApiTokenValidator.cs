using System.Security.Claims;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// Turns an <c>Authorization: Bearer</c> token into the principal it stands for. Every registered
/// validator is asked in turn until one knows the token; register another (e.g. per-inbox tokens
/// carrying an <c>inbox</c> claim) with <c>services.AddSingleton&lt;IApiTokenValidator, …&gt;()</c>.
/// A principal needs a name (<see cref="ClaimTypes.Name"/>) and a role (<see cref="ClaimTypes.Role"/>:
/// <see cref="AccessRoles.Admin"/> or <see cref="AccessRoles.Reader"/>); <see cref="AccessPrincipal.Create"/> builds one.
/// </summary>
public interface IApiTokenValidator
{
    /// <summary>The token's principal, or null when this validator does not know the token.</summary>
    ValueTask<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken);
}
