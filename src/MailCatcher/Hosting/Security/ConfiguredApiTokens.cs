using System.Security.Claims;

namespace MailCatcher.Hosting.Security;

/// <summary>The tokens given with <c>--api-token NAME:TOKEN[:ROLE]</c>, held as hashes only.</summary>
public sealed class ConfiguredApiTokens : IApiTokenValidator
{
    private readonly Dictionary<string, (string Name, string Role)> _byHash = new(StringComparer.Ordinal);

    public int Count => _byHash.Count;

    public static ConfiguredApiTokens Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var tokens = new ConfiguredApiTokens();
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            if (!AccessRoles.TrySplit(entry.Trim(), out var name, out var token, out var role))
            {
                throw new StartupException($"--api-token #{index + 1}: expected NAME:TOKEN or NAME:TOKEN:admin|reader.");
            }
            if (token.Length < 16)
            {
                throw new StartupException($"--api-token #{index + 1} ({name}): a token needs at least 16 characters; `openssl rand -hex 32` makes a good one.");
            }
            tokens._byHash[ApiTokenHash.Of(token)] = (name, role);
        }
        return tokens;
    }

    public ValueTask<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byHash.TryGetValue(ApiTokenHash.Of(token), out var known)
            ? AccessPrincipal.Create(known.Name, known.Role, "token", ApiCredentialsHandler.SchemeName)
            : null);
}
