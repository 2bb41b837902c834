namespace MailCatcher.Core.Sessions;

/// <summary>One line of a protocol session as recorded: what was said, by whom, when.</summary>
public sealed record TranscriptLine(DateTime At, TranscriptDirection Direction, string Text);
