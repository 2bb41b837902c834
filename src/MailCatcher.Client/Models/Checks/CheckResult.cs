namespace MailCatcher.Client.Models.Checks;

/// <summary>A check with nothing beyond its findings (the sender rules).</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Summary">One sentence to read first.</param>
/// <param name="Items">The findings, worst first.</param>
public sealed record CheckResult(CheckStatus Status, string Summary, IReadOnlyList<CheckItem> Items);
