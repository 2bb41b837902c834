namespace MailCatcher.Checks.Links;

/// <summary>The link and image check: one report per URL, and a finding for each that is broken.</summary>
/// <param name="Skipped">URLs not checked because the message had more than the check's bound.</param>
public sealed record LinkCheckResult(
    CheckStatus Status,
    string Summary,
    IReadOnlyList<CheckItem> Items,
    IReadOnlyList<LinkReport> Links,
    int Skipped) : ICheckResult;
