namespace MailCatcher.Checks;

/// <summary>A check that reports nothing beyond its findings (the sender rules).</summary>
public sealed record CheckResult(CheckStatus Status, string Summary, IReadOnlyList<CheckItem> Items) : ICheckResult
{
    /// <summary>A result whose status is the worst of its items' severities (pass when all pass).</summary>
    public static CheckResult FromItems(IReadOnlyList<CheckItem> items, string summary)
        => new(CheckStatuses.FromItems(items), summary, items);
}
