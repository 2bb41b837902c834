namespace MailCatcher.Client.Models.Checks;

/// <summary>SpamAssassin's verdict; Status is skipped when the server has no --spamassassin, error when spamd is unreachable.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Summary">One sentence to read first.</param>
/// <param name="Items">The findings, worst first.</param>
/// <param name="Score">SpamAssassin's score.</param>
/// <param name="Threshold">The score at which spamd calls a message spam.</param>
/// <param name="IsSpam">Whether spamd calls it spam.</param>
/// <param name="Rules">The rules that fired.</param>
public sealed record SpamCheckResult(CheckStatus Status, string Summary, IReadOnlyList<CheckItem> Items, double? Score, double? Threshold, bool? IsSpam, IReadOnlyList<SpamRule> Rules);
