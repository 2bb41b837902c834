namespace MailCatcher.Checks.Spam;

/// <summary>One SpamAssassin rule that fired: its name, the points it added, and SpamAssassin's description.</summary>
public sealed record SpamRule(string Name, double Points, string Description);
