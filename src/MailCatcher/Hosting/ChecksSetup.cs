using DnsClient;
using MailCatcher.Checks;
using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Html;
using MailCatcher.Checks.Links;
using MailCatcher.Checks.Spam;
using MailCatcher.Mail.Checks;

namespace MailCatcher.Hosting;

/// <summary>
/// Message checks (issue 15): reads <c>Checks</c> settings once at start (a bad <c>--dkim-key</c> or
/// <c>--spamassassin</c> is a <see cref="StartupException"/>) and registers the shared <see cref="MessageChecker"/>.
/// </summary>
internal static class ChecksSetup
{
    public static WebApplicationBuilder AddMessageChecks(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ChecksOptions.Section).Get<ChecksOptions>() ?? new ChecksOptions();
        DkimKeyStore keys;
        try
        {
            keys = DkimKeyStore.Load(options.DkimKeys);
        }
        catch (FormatException e)
        {
            throw new StartupException(e.Message);
        }
        SpamAssassinClient? spamd = null;
        if (!string.IsNullOrWhiteSpace(options.SpamAssassin) && !options.SpamAssassin.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            spamd = SpamAssassinClient.TryCreate(options.SpamAssassin, options.SpamAssassinTimeout, out var error) ?? throw new StartupException(error!);
        }
        var services = builder.Services;
        services.AddSingleton(keys);
        services.AddSingleton(_ => new HtmlCompatibilityCheck(CaniemailData.Shipped));
        services.AddSingleton(sp => new OfflineChecks(sp.GetRequiredService<HtmlCompatibilityCheck>(), keys, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new LinkChecker(new LinkCheckOptions
        {
            AllowPrivateAddresses = options.AllowPrivateLinks,
            MaxLinks = options.MaxLinks,
            Timeout = options.LinkTimeout,
        }));
        // DNS is asked only by the DKIM endpoint that says so; the resolver is the system's.
        services.AddSingleton(_ => new DkimKeyLocator(keys, new LookupClient(new LookupClientOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 1 })));
        services.AddSingleton(sp => new MessageChecker(
            sp.GetRequiredService<Storage.Queries.MailQueries>(),
            sp.GetRequiredService<OfflineChecks>(),
            sp.GetRequiredService<LinkChecker>(),
            spamd,
            sp.GetRequiredService<DkimKeyLocator>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
