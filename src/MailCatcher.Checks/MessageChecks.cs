using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Html;

namespace MailCatcher.Checks;

/// <summary>Every offline check of one message (<c>GET /api/v1/messages/{id}/checks</c>).</summary>
/// <param name="Status">The worst status of the checks (skipped ones aside).</param>
/// <param name="Failures">How many findings fail, over all checks.</param>
/// <param name="Warnings">How many findings warn, over all checks.</param>
/// <param name="CheckedAt">When the checks ran (they are cached per message).</param>
public sealed record MessageChecks(
    long MessageId,
    CheckStatus Status,
    int Failures,
    int Warnings,
    DateTimeOffset CheckedAt,
    HtmlCheckResult Html,
    CheckResult SenderRules,
    DkimCheckResult Dkim);
