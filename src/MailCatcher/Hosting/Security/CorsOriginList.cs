namespace MailCatcher.Hosting.Security;

/// <summary>The origins <c>--http-cors-origin</c> names; none by default.</summary>
public sealed class CorsOriginList
{
    private readonly HashSet<string> _origins;

    public CorsOriginList(IEnumerable<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        _origins = new HashSet<string>(origins.Select(Normalize).Where(o => o.Length > 0), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Origins => _origins;

    public bool Allows(string origin) => _origins.Contains(Normalize(origin));

    /// <summary>An origin is scheme://host[:port]; a trailing slash someone typed is not part of it.</summary>
    private static string Normalize(string origin) => origin.Trim().TrimEnd('/');
}
