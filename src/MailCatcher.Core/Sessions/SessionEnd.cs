namespace MailCatcher.Core.Sessions;

/// <summary>Everything recorded about a session once it is over.</summary>
public sealed record SessionEnd(
    long SessionId,
    DateTime EndedAt,
    string? HeloName,
    string? Tls,
    string? AuthenticatedUser,
    string? Error,
    IReadOnlyList<long> MessageIds,
    IReadOnlyList<TranscriptLine> Transcript);
