namespace MailCatcher.Client.Models;

/// <summary>One page of messages, newest first.</summary>
/// <param name="Total">How many messages match (all of them without a search).</param>
/// <param name="Unread">How many of those are unread.</param>
/// <param name="Offset">How many this page skipped.</param>
/// <param name="Messages">The page.</param>
public sealed record MessagePage(int Total, int Unread, int Offset, IReadOnlyList<MessageSummary> Messages);
