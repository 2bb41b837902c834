using MailCatcher.Checks;
using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Links;
using MailCatcher.Checks.Spam;
using MailCatcher.Core.Mime;
using MailCatcher.Storage.Queries;
using Microsoft.Extensions.Caching.Memory;
using MimeKit;

namespace MailCatcher.Mail.Checks;

/// <summary>
/// Runs the checks of a stored message on demand (never on the SMTP path) and keeps the results in
/// a bounded in-memory cache keyed by message id (ids are never reused and a message's bytes never
/// change). The UI and the API share it, so a check run in one shows in the other, and the inbox
/// marks messages whose checks failed. Networked checks run only through their own methods.
/// </summary>
public sealed class MessageChecker(
    MailQueries queries,
    OfflineChecks offline,
    LinkChecker links,
    SpamAssassinClient? spamd,
    DkimKeyLocator dnsKeys,
    TimeProvider clock) : IDisposable
{
    /// <summary>How many messages' results are kept; the least recently used go first.</summary>
    public const int CacheSize = 2000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheSize });

    /// <summary>Raised after a check of a message finished (the inbox list refreshes its marker).</summary>
    public event Action<long>? Checked;

    public bool SpamConfigured => spamd is not null;

    /// <summary>What is known without running anything; null when the message was not checked yet.</summary>
    public MessageCheckState? Known(long id) => _cache.TryGetValue(id, out MessageCheckState? state) ? state : null;

    /// <summary>The offline checks, from the cache or run now; null when there is no such message.</summary>
    public async Task<MessageChecks?> OfflineAsync(long id, CancellationToken cancellationToken)
    {
        if (Known(id) is { } known)
        {
            return known.Offline;
        }
        var result = await WithMessageAsync(id, message => offline.RunAsync(id, message, cancellationToken), cancellationToken);
        if (result is not null)
        {
            Update(id, state => state ?? new MessageCheckState(result));
        }
        return result;
    }

    public async Task<LinkCheckResult?> LinksAsync(long id, CancellationToken cancellationToken)
        => await NetworkedAsync(id, message => links.CheckAsync(message, cancellationToken), (state, r) => state with { Links = r }, cancellationToken);

    public async Task<DkimCheckResult?> DnsDkimAsync(long id, CancellationToken cancellationToken)
        => await NetworkedAsync(id, message => DkimCheck.CheckAsync(message, dnsKeys, clock, cancellationToken), (state, r) => state with { DnsDkim = r }, cancellationToken);

    public async Task<SpamCheckResult?> SpamAsync(long id, CancellationToken cancellationToken)
    {
        if (await OfflineAsync(id, cancellationToken) is null)
        {
            return null;
        }
        SpamCheckResult result;
        if (spamd is null)
        {
            result = SpamCheckResult.NotConfigured;
        }
        else
        {
            await using var raw = await queries.OpenRawAsync(id, cancellationToken);
            if (raw is null)
            {
                return null;
            }
            var bytes = await ReadBoundedAsync(raw, SpamAssassinClient.MaxMessageBytes + 1, cancellationToken);
            result = await spamd.CheckAsync(bytes, cancellationToken);
        }
        Update(id, state => state! with { Spam = result });
        return result;
    }

    private async Task<T?> NetworkedAsync<T>(long id, Func<MimeMessage, Task<T>> run, Func<MessageCheckState, T, MessageCheckState> store, CancellationToken cancellationToken)
        where T : class
    {
        if (await OfflineAsync(id, cancellationToken) is null)
        {
            return null;
        }
        var result = await WithMessageAsync(id, run, cancellationToken);
        if (result is not null)
        {
            Update(id, state => store(state!, result));
        }
        return result;
    }

    private async Task<T?> WithMessageAsync<T>(long id, Func<MimeMessage, Task<T>> run, CancellationToken cancellationToken)
        where T : class
    {
        await using var raw = await queries.OpenRawAsync(id, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        MimeMessage message;
        try
        {
            await using var limited = new PartLimitedStream(raw, leaveOpen: true);
            message = await MimeMessage.LoadAsync(limited, cancellationToken);
        }
        catch (FormatException)
        {
            message = new MimeMessage(); // unparsable mail: the checks report what is missing
        }
        using (message)
        {
            return await Task.Run(() => run(message), cancellationToken);
        }
    }

    private void Update(long id, Func<MessageCheckState?, MessageCheckState> change)
    {
        lock (_cache)
        {
            var next = change(Known(id));
            _cache.Set(id, next, new MemoryCacheEntryOptions { Size = 1 });
        }
        Checked?.Invoke(id);
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream raw, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await raw.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _cache.Dispose();
}
