namespace MailCatcher.Client.Models.Checks;

/// <summary>HTML compatibility (caniemail data): one finding per feature, and support per client family.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Summary">One sentence to read first.</param>
/// <param name="Items">The findings, worst first.</param>
/// <param name="Clients">HTML: the clients it breaks in; per family: support figures.</param>
/// <param name="FeaturesUsed">Distinct caniemail features the HTML uses.</param>
/// <param name="DataUpdated">When the shipped caniemail data was last updated.</param>
public sealed record HtmlCheckResult(CheckStatus Status, string Summary, IReadOnlyList<CheckItem> Items, IReadOnlyList<ClientFamilySupport> Clients, int FeaturesUsed, string DataUpdated);
