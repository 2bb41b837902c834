using MailCatcher.Client.Models.Checks;

namespace MailCatcher.Client;

/// <summary>Message checks (<c>/api/v1/messages/{id}/checks</c>): offline ones in one call, networked ones each on its own.</summary>
public sealed partial class MailCatcherClient
{
    /// <summary>HTML compatibility, sender rules and DKIM with offline keys; cached by the server per message.</summary>
    public Task<MessageChecks> GetChecksAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<MessageChecks>($"api/v1/messages/{Number(id)}/checks", cancellationToken);

    /// <summary>Requests every link and image URL of the message (network).</summary>
    public Task<LinkCheckResult> CheckLinksAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<LinkCheckResult>($"api/v1/messages/{Number(id)}/checks/links", cancellationToken);

    /// <summary>Asks the server's SpamAssassin spamd for a score.</summary>
    public Task<SpamCheckResult> CheckSpamAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<SpamCheckResult>($"api/v1/messages/{Number(id)}/checks/spam", cancellationToken);

    /// <summary>Verifies DKIM and ARC with keys from DNS (offline keys first).</summary>
    public Task<DkimCheckResult> CheckDkimAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<DkimCheckResult>($"api/v1/messages/{Number(id)}/checks/dkim", cancellationToken);
}
