using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Api;

/// <summary>A session and its transcript, flattened as design.md's <c>GET /api/v1/sessions/{id}</c> shape.</summary>
public sealed record SessionWithTranscript
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
    public required IReadOnlyList<TranscriptLine> Transcript { get; init; }

    public static SessionWithTranscript From(SessionDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var s = detail.Session;
        return new SessionWithTranscript
        {
            Id = s.Id,
            StartedAt = s.StartedAt,
            EndedAt = s.EndedAt,
            ClientAddress = s.ClientAddress,
            HeloName = s.HeloName,
            Tls = s.Tls,
            AuthenticatedUser = s.AuthenticatedUser,
            MessageIds = s.MessageIds,
            Error = s.Error,
            Transcript = detail.Transcript,
        };
    }
}
