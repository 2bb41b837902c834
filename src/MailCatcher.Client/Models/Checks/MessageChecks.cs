namespace MailCatcher.Client.Models.Checks;

/// <summary>Every offline check of a message: assert <c>Status != CheckStatus.Fail</c> in a test.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Failures">Findings that fail, over all checks.</param>
/// <param name="Warnings">Findings that warn, over all checks.</param>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Html">HTML compatibility.</param>
/// <param name="SenderRules">The sender rules.</param>
/// <param name="Dkim">DKIM and ARC with offline keys.</param>
public sealed record MessageChecks(long MessageId, CheckStatus Status, int Failures, int Warnings, DateTimeOffset CheckedAt,
    HtmlCheckResult Html, CheckResult SenderRules, DkimCheckResult Dkim);
