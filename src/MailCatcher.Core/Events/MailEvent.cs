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
/// <param name="Ids">The ids deleted, oldest first.</param>
/// <param name="InboxId">The inbox they were in (one event per inbox); null when not known, which only older callers leave.</param>
public sealed record MessagesDeleted(IReadOnlyList<long> Ids, long? InboxId = null) : MailEvent;

/// <summary>An inbox was created or deleted (issue 13): the UI's switcher lists inboxes again.</summary>
/// <param name="Inbox">The inbox's name.</param>
/// <param name="InboxId">The inbox's id in the store.</param>
/// <param name="Deleted">True when it was deleted (its messages are announced by <see cref="MessagesDeleted"/>).</param>
public sealed record InboxChanged(string Inbox, long InboxId, bool Deleted) : MailEvent;

/// <summary>A protocol session ended and its transcript is stored.</summary>
public sealed record SessionEnded(SessionSummary Session) : MailEvent;
