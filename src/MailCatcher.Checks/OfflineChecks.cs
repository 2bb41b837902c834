using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Html;
using MailCatcher.Checks.SenderRules;
using MimeKit;

namespace MailCatcher.Checks;

/// <summary>
/// Runs every check that needs nothing but the message: HTML compatibility, sender rules, and
/// DKIM/ARC with the offline keys. No network, no clock but the one given, no exception for broken
/// mail: a check that throws anyway is reported as an <see cref="CheckStatus.Error"/> result.
/// </summary>
public sealed class OfflineChecks(HtmlCompatibilityCheck html, DkimKeyStore keys, TimeProvider clock)
{
    public async Task<MessageChecks> RunAsync(long messageId, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var htmlResult = Guard(() => html.Check(SafeHtml(message)),
            e => new HtmlCheckResult(CheckStatus.Error, $"The HTML check failed: {e.Message}", [], [], 0, ""));
        var rules = Guard(() => SenderRulesCheck.Check(message), e => new CheckResult(CheckStatus.Error, $"The sender rules failed: {e.Message}", []));
        DkimCheckResult dkim;
        try
        {
            dkim = await DkimCheck.CheckAsync(message, keys.OfflineLocator(), clock, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            dkim = new DkimCheckResult(CheckStatus.Error, $"The DKIM check failed: {e.Message}", [], [], null, false);
        }
        ICheckResult[] all = [htmlResult, rules, dkim];
        var items = all.SelectMany(r => r.Items).ToList();
        var status = all.Select(r => r.Status).Aggregate(CheckStatus.Skipped, CheckStatuses.Worst);
        return new MessageChecks(messageId, status, CheckStatuses.Count(items, CheckSeverity.Fail), CheckStatuses.Count(items, CheckSeverity.Warn),
            clock.GetUtcNow(), htmlResult, rules, dkim);
    }

    private static string? SafeHtml(MimeMessage message)
    {
        try
        {
            return message.HtmlBody;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A check that throws on some odd message must not take the others with it.</summary>
    private static T Guard<T>(Func<T> run, Func<Exception, T> failed)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return failed(e);
        }
    }
}
