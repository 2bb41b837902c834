namespace MailCatcher.Checks.Html;

/// <summary>How well one client family supports the features a message uses.</summary>
/// <param name="Family">caniemail's key, e.g. <c>outlook</c>.</param>
/// <param name="Name">Its display name, e.g. Outlook.</param>
/// <param name="SupportPercent">The share of (feature, platform) pairs supported, partial support counting half; 100 when no feature is used.</param>
/// <param name="Unsupported">How many of the used features fail on at least one of its platforms.</param>
public sealed record ClientFamilySupport(string Family, string Name, int SupportPercent, int Unsupported);
