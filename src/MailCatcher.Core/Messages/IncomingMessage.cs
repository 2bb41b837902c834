using MailCatcher.Core.Content;
using MailCatcher.Core.Sessions;

namespace MailCatcher.Core.Messages;

/// <summary>
/// A message the SMTP server has received completely and now hands to storage.
/// <see cref="Content"/> holds the bytes exactly as the client meant them (after dot-unstuffing);
/// the sink owns it from here and disposes it.
/// </summary>
public sealed record IncomingMessage(
    long SessionId,
    Envelope Envelope,
    SessionFacts Session,
    SpooledContent Content,
    DateTime ReceivedAt);
