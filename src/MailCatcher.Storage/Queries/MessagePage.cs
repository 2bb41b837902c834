using MailCatcher.Core.Messages;

namespace MailCatcher.Storage.Queries;

/// <summary>One page of the message list (design.md: <c>{ total, unread, offset, messages }</c>).</summary>
public sealed record MessagePage(int Total, int Unread, int Offset, IReadOnlyList<MessageSummary> Messages);
