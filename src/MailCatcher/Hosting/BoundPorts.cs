using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MailCatcher.Hosting;

/// <summary>
/// The listeners the host declared, so the ports they really bound (port 0 picks one) can be
/// read back after start: printed at start and reported by <c>/api/v1/info</c>.
/// </summary>
public sealed class BoundPorts
{
    private readonly Dictionary<string, ListenOptions> _listeners = new(StringComparer.Ordinal);

    public const string Http = "http";
    public const string Smtp = "smtp";

    internal void Add(string protocol, ListenOptions listener) => _listeners[protocol] = listener;

    /// <summary>The bound port of a protocol's listener, or null when that listener is off.</summary>
    public int? PortOf(string protocol) =>
        _listeners.TryGetValue(protocol, out var listener) ? listener.IPEndPoint?.Port : null;

    /// <summary>Every declared listener and its bound port.</summary>
    public IEnumerable<(string Protocol, int? Port)> All => _listeners.Select(l => (l.Key, l.Value.IPEndPoint?.Port));
}
