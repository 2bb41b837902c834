namespace MailCatcher.Tests.Relay;

// The outbox shapes as tests read them (design.md, "Outbox entry").
public sealed record OutboxAttemptDto(DateTime At, int? Code, string Text, string? Transcript);

public sealed record OutboxEntryDto(
    long Id, long MessageId, string From, List<string> To, string State, DateTime CreatedAt, DateTime? NextAttemptAt,
    long? BounceMessageId, List<OutboxAttemptDto> Attempts);

public sealed record OutboxPageDto(int Total, int Offset, List<OutboxEntryDto> Entries);
