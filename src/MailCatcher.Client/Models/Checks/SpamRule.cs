namespace MailCatcher.Client.Models.Checks;

/// <summary>One SpamAssassin rule that fired.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Points">Points the rule added.</param>
/// <param name="Description">SpamAssassin's description.</param>
public sealed record SpamRule(string Name, double Points, string Description);
