namespace MailCatcher.Core.Sessions;

/// <summary>A session as listed by the API (design.md, "Session"). Field names are the API contract.</summary>
public sealed record SessionSummary
{
    public required long Id { get; init; }
    public required DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public required string ClientAddress { get; init; }
    public string? HeloName { get; init; }
    public string? Tls { get; init; }
    public string? AuthenticatedUser { get; init; }
    public required IReadOnlyList<long> MessageIds { get; init; }
    public string? Error { get; init; }
}
