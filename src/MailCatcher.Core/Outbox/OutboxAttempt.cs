namespace MailCatcher.Core.Outbox;

/// <summary>One try at handing an outbox entry to the relay.</summary>
/// <param name="At">When the attempt ended.</param>
/// <param name="Code">The relay's final reply code (250, 451, 550…); null when no reply came (connection failure).</param>
/// <param name="Text">The relay's reply text, or what went wrong when there was no reply.</param>
/// <param name="Transcript">The client-side SMTP conversation, credentials masked and the message body summarised.</param>
public sealed record OutboxAttempt(DateTime At, int? Code, string Text, string? Transcript);
