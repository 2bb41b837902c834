using System.Net;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// The host names MailCatcher answers to. A DNS-rebinding page reaches 127.0.0.1 under its own
/// name (<c>Host: evil.example</c>), so refusing names we do not serve stops it reading the mail.
/// Ports are not compared: the attacker controls the name, not the port the browser connected to.
/// </summary>
public sealed class HostAllowList
{
    private readonly HashSet<string> _names;
    private readonly List<string> _suffixes;

    private HostAllowList(HashSet<string> names, List<string> suffixes, bool allowsAny)
    {
        _names = names;
        _suffixes = suffixes;
        AllowsAny = allowsAny;
    }

    /// <summary>True when <c>*</c> was configured: every host name is accepted.</summary>
    public bool AllowsAny { get; }

    /// <summary>The names accepted, for the error message and the startup log.</summary>
    public IEnumerable<string> Names => _names.Concat(_suffixes.Select(s => "*" + s));

    /// <summary>
    /// The loopback names, the bound address (unless it is a wildcard such as 0.0.0.0) and the
    /// configured names. An entry may carry a port (<c>mail.example.com:8443</c>); it is ignored.
    /// </summary>
    public static HostAllowList Create(IEnumerable<string> configured, string? boundAddress)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        if (IPAddress.TryParse(boundAddress, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
        {
            names.Add(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString());
        }
        var suffixes = new List<string>();
        var allowsAny = false;
        foreach (var entry in configured.SelectMany(e => e.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (entry == "*")
            {
                allowsAny = true;
                continue;
            }
            var name = Normalize(HostString.FromUriComponent(entry).Host);
            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                suffixes.Add(name[1..]);
            }
            else if (name.Length > 0)
            {
                names.Add(name);
            }
        }
        return new HostAllowList(names, suffixes, allowsAny);
    }

    /// <summary>True when a request's <c>Host</c> is one of ours (RFC 9110 §7.2).</summary>
    public bool Allows(HostString host)
    {
        if (AllowsAny)
        {
            return true;
        }
        if (!host.HasValue)
        {
            return false;
        }
        var name = Normalize(host.Host);
        return _names.Contains(name) || _suffixes.Exists(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Lower case, without the trailing dot of a fully qualified name (<c>localhost.</c>).</summary>
    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();
}
