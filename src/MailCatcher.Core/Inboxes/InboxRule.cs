namespace MailCatcher.Core.Inboxes;

/// <summary>
/// One <c>--inbox NAME=PATTERN</c> routing rule. The host parses the pattern (addresses the way
/// <c>--smtp-accept-recipient</c> takes them, a domain, a <c>+tag</c>, or <c>header:NAME[=VALUE]</c>)
/// and hands storage the matchers, so the pattern language lives in one place.
/// </summary>
/// <param name="Inbox">The inbox the rule routes to; <see cref="FromHeaderValue"/> for a header rule whose value names the inbox.</param>
/// <param name="Text">The rule as written, for the transcript.</param>
/// <param name="MatchesRecipient">For a recipient rule: true when the rule takes this envelope recipient.</param>
/// <param name="Header">For a header rule: the header field's name.</param>
/// <param name="MatchesHeaderValue">For a header rule: true when the rule takes a field with this value (null: any value).</param>
public sealed record InboxRule(
    string Inbox,
    string Text,
    Func<string, bool>? MatchesRecipient,
    string? Header = null,
    Func<string, bool>? MatchesHeaderValue = null)
{
    /// <summary>The inbox name <c>*</c>: the header's value names the inbox (when it exists).</summary>
    public const string FromHeaderValue = "*";
}
