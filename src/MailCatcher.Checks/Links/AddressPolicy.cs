using System.Net;
using System.Net.Sockets;

namespace MailCatcher.Checks.Links;

/// <summary>
/// Which addresses a link check may connect to: public unicast only, unless private ones are
/// allowed. Checked on the resolved address at connect time, so a name that resolves (or
/// re-resolves, DNS rebinding) to an internal address is refused as surely as a literal one.
/// </summary>
public static class AddressPolicy
{
    /// <summary>True for loopback, RFC 1918 private, RFC 6598 shared, link-local, unique-local (RFC 4193), multicast, unspecified and reserved addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xFE) == 0xFC // fc00::/7 unique local
                || address.IsIPv6Teredo;
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127, // 100.64.0.0/10 carrier-grade NAT
            169 => b[1] == 254, // link-local, cloud metadata services
            172 => b[1] >= 16 && b[1] <= 31,
            192 => (b[1] == 168) || (b[1] == 0 && b[2] == 0),
            198 => b[1] is 18 or 19, // benchmarking
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}
