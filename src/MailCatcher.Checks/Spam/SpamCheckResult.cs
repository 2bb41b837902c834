namespace MailCatcher.Checks.Spam;

/// <summary>SpamAssassin's verdict: the score against the threshold, and every rule that fired.</summary>
/// <param name="Score">The message's score; null when spamd was not asked or not reached.</param>
/// <param name="Threshold">The score at which spamd calls a message spam (required_score, 5.0 by default).</param>
/// <param name="IsSpam">Whether spamd called it spam.</param>
/// <param name="Rules">The rules that fired, highest points first.</param>
public sealed record SpamCheckResult(
    CheckStatus Status,
    string Summary,
    IReadOnlyList<CheckItem> Items,
    double? Score,
    double? Threshold,
    bool? IsSpam,
    IReadOnlyList<SpamRule> Rules) : ICheckResult
{
    public static SpamCheckResult NotConfigured { get; } = new(CheckStatus.Skipped,
        "No spam check: start MailCatcher with --spamassassin HOST:PORT pointing at a SpamAssassin spamd to get a score.", [], null, null, null, []);

    public static SpamCheckResult Failed(string why) => new(CheckStatus.Error, why, [], null, null, null, []);
}
