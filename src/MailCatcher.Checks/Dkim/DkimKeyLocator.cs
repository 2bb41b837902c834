using DnsClient;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace MailCatcher.Checks.Dkim;

/// <summary>
/// Finds a DKIM public key (RFC 6376 §3.6.2): first among the keys given offline
/// (<c>--dkim-key selector._domainkey.example.com=PATH</c>), then, only when asked, in DNS as a
/// TXT record at <c>selector._domainkey.domain</c>. Without DNS an unknown selector is
/// <see cref="DkimKeyNotFoundException"/>, reported as "no key", never a network request.
/// </summary>
public sealed class DkimKeyLocator : DkimPublicKeyLocatorBase
{
    private readonly DkimKeyStore _offline;
    private readonly ILookupClient? _dns;

    /// <param name="offline">Keys given on the command line.</param>
    /// <param name="dns">The resolver to ask, or null to stay offline.</param>
    public DkimKeyLocator(DkimKeyStore offline, ILookupClient? dns)
    {
        _offline = offline;
        _dns = dns;
    }

    public bool UsesDns => _dns is not null;

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
        => LocatePublicKeyAsync(methods, domain, selector, cancellationToken).GetAwaiter().GetResult();

    public override async Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default)
    {
        var name = DkimKeyStore.RecordName(selector, domain);
        if (_offline.Find(name) is { } known)
        {
            return known;
        }
        if (_dns is null)
        {
            throw new DkimKeyNotFoundException($"No key for {name}: none was given with --dkim-key, and DNS was not asked.");
        }
        var response = await _dns.QueryAsync(name, QueryType.TXT, cancellationToken: cancellationToken);
        var record = response.Answers.TxtRecords().Select(r => string.Concat(r.Text)).FirstOrDefault(t => t.Contains("p=", StringComparison.Ordinal));
        if (record is null)
        {
            throw new DkimKeyNotFoundException(response.HasError
                ? $"No key for {name}: DNS answered {response.ErrorMessage}."
                : $"No key for {name}: DNS has no DKIM TXT record there.");
        }
        return ParseRecord(name, record);
    }

    /// <summary>A TXT record's key; an empty p= means the key was revoked (RFC 6376 §3.6.1).</summary>
    internal static AsymmetricKeyParameter ParseRecord(string name, string record)
    {
        if (record.Replace(" ", "", StringComparison.Ordinal).Split(';').Any(t => t.Trim() == "p="))
        {
            throw new DkimKeyNotFoundException($"The key at {name} is revoked (empty p=).");
        }
        try
        {
            return GetPublicKey(record);
        }
        catch (Exception e) when (e is FormatException or ParseException or ArgumentException or InvalidOperationException)
        {
            throw new DkimKeyNotFoundException($"The key record at {name} cannot be read: {e.Message}", e);
        }
    }
}
