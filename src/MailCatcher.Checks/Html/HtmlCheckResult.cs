namespace MailCatcher.Checks.Html;

/// <summary>The HTML compatibility check: its findings, one per feature, and support per client family.</summary>
/// <param name="Clients">Support per client family, the major ones first.</param>
/// <param name="FeaturesUsed">How many distinct caniemail features the HTML uses.</param>
/// <param name="DataUpdated">When the caniemail data set shipped with MailCatcher was last updated.</param>
public sealed record HtmlCheckResult(
    CheckStatus Status,
    string Summary,
    IReadOnlyList<CheckItem> Items,
    IReadOnlyList<ClientFamilySupport> Clients,
    int FeaturesUsed,
    string DataUpdated) : ICheckResult;
