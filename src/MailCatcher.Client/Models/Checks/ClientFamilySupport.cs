namespace MailCatcher.Client.Models.Checks;

/// <summary>How well one email client family supports the HTML and CSS features a message uses.</summary>
/// <param name="Family">caniemail's family key, e.g. outlook.</param>
/// <param name="Name">The display name.</param>
/// <param name="SupportPercent">Share of the used features supported, partial support counting half.</param>
/// <param name="Unsupported">Used features that fail on at least one of its platforms.</param>
public sealed record ClientFamilySupport(string Family, string Name, int SupportPercent, int Unsupported);
