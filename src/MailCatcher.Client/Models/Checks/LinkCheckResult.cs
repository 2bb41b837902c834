namespace MailCatcher.Client.Models.Checks;

/// <summary>Every link and image URL of a message, requested; Skipped counts URLs beyond the server's bound.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Summary">One sentence to read first.</param>
/// <param name="Items">The findings, worst first.</param>
/// <param name="Links">One report per URL.</param>
/// <param name="Skipped">URLs beyond the server's bound, not requested.</param>
public sealed record LinkCheckResult(CheckStatus Status, string Summary, IReadOnlyList<CheckItem> Items, IReadOnlyList<LinkReport> Links, int Skipped);
