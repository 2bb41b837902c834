namespace MailCatcher.Tests.Infrastructure;

// The API's JSON shapes as tests read them (design.md, "REST API contract (v1)").
public sealed record AddressDto(string Name, string Address);

public sealed record MessageSummaryDto(
    long Id, DateTime ReceivedAt, long SessionId, AddressDto? From, List<AddressDto> To, List<AddressDto> Cc,
    string EnvelopeFrom, List<string> EnvelopeTo, string Subject, long Size, string Snippet, int AttachmentCount,
    bool IsRead, List<string> Tags);

public sealed record MessagePageDto(int Total, int Unread, int Offset, List<MessageSummaryDto> Messages);

public sealed record HeaderDto(string Name, string Value);

public sealed record PartDto(string PartId, string? FileName, string ContentType, long Size, string? ContentId, bool Inline);

public sealed record MessageDetailDto(
    long Id, string Subject, AddressDto? From, List<AddressDto> To, string EnvelopeFrom, List<string> EnvelopeTo,
    string? MessageId, DateTime? Date, List<HeaderDto> Headers, string? Text, string? Html, List<PartDto> Attachments,
    string? AuthenticatedUser, string? Tls, string ClientAddress, string? HeloName, string? ParseError, long Size);

public sealed record TranscriptLineDto(DateTime At, string Direction, string Text);

public sealed record SessionDto(
    long Id, DateTime StartedAt, DateTime? EndedAt, string ClientAddress, string? HeloName, string? Tls,
    string? AuthenticatedUser, List<long> MessageIds, string? Error, List<TranscriptLineDto>? Transcript);

public sealed record SessionPageDto(int Total, int Offset, List<SessionDto> Sessions);
