using System.Globalization;

namespace MailCatcher.Checks.Spam;

/// <summary>
/// Turns spamd's score into a status: fail at or above the threshold (spamd calls it spam), warn
/// above half of it (a little more, from a stricter filter or a bad sending IP, tips it over),
/// pass below. Each rule that fired is a finding; rules adding a point or more warn.
/// </summary>
internal static class SpamVerdict
{
    public static SpamCheckResult From(bool isSpam, double score, double threshold, IReadOnlyList<SpamRule> rules)
    {
        var status = isSpam || score >= threshold ? CheckStatus.Fail : score > threshold / 2 ? CheckStatus.Warn : CheckStatus.Pass;
        var items = rules.Select(r => new CheckItem(
            r.Points >= 1 ? CheckSeverity.Warn : CheckSeverity.Info,
            r.Name,
            string.Create(CultureInfo.InvariantCulture, $"{r.Description} ({r.Points:+0.0;-0.0;0.0} points)"),
            r.Points >= 1 ? "Change what the rule describes, if production mail does it too." : null)).ToList();
        var verdict = status switch
        {
            CheckStatus.Fail => "spam",
            CheckStatus.Warn => "not spam, but close",
            _ => "not spam",
        };
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"SpamAssassin scores it {score:0.0} against a threshold of {threshold:0.0}: {verdict} ({CheckStatuses.Plural(rules.Count, "rule")} fired).");
        return new SpamCheckResult(status, summary, items, score, threshold, isSpam, rules);
    }
}
