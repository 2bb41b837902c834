using MailCatcher.Core.Sessions;

namespace MailCatcher.Storage.Queries;

/// <summary>A session with its transcript.</summary>
public sealed record SessionDetail(SessionSummary Session, IReadOnlyList<TranscriptLine> Transcript);
