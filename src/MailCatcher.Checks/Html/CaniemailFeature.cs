namespace MailCatcher.Checks.Html;

/// <summary>One caniemail feature (an element, attribute, CSS property, selector, image format...).</summary>
/// <param name="Category">html, css, image or others.</param>
/// <param name="Notes">The feature's footnotes by number.</param>
public sealed record CaniemailFeature(
    string Slug,
    string Title,
    string Category,
    Uri? Url,
    IReadOnlyList<CaniemailClientSupport> Clients,
    IReadOnlyDictionary<int, string> Notes);
