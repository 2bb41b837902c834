using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;

namespace MailCatcher.Core.Events;

/// <summary>Something that changed in the mail store. Published after the change is committed.</summary>
public abstract record MailEvent;

/// <summary>A new message was stored.</summary>
public sealed record MessageReceived(MessageSummary Message) : MailEvent;

/// <summary>A message's read state or tags changed.</summary>
public sealed record MessageUpdated(MessageSummary Message) : MailEvent;

/// <summary>Messages were deleted, by a user, a protocol client or retention.</summary>
public sealed record MessagesDeleted(IReadOnlyList<long> Ids) : MailEvent;

/// <summary>A protocol session ended and its transcript is stored.</summary>
public sealed record SessionEnded(SessionSummary Session) : MailEvent;
