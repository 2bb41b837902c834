namespace MailCatcher.Checks;

/// <summary>Turns findings into a status and counts them.</summary>
public static class CheckStatuses
{
    /// <summary>Fail when any item fails, warn when any warns, otherwise pass.</summary>
    public static CheckStatus FromItems(IEnumerable<CheckItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var status = CheckStatus.Pass;
        foreach (var item in items)
        {
            if (item.Severity == CheckSeverity.Fail)
            {
                return CheckStatus.Fail;
            }
            if (item.Severity == CheckSeverity.Warn)
            {
                status = CheckStatus.Warn;
            }
        }
        return status;
    }

    public static int Count(IEnumerable<CheckItem> items, CheckSeverity severity)
        => items.Count(i => i.Severity == severity);

    /// <summary>The worse of two statuses for a summary: error, fail, warn, pass, skipped.</summary>
    public static CheckStatus Worst(CheckStatus a, CheckStatus b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(CheckStatus status) => status switch
    {
        CheckStatus.Error => 4,
        CheckStatus.Fail => 3,
        CheckStatus.Warn => 2,
        CheckStatus.Pass => 1,
        _ => 0,
    };

    /// <summary>"1 failure", "2 warnings": for summaries.</summary>
    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
