using MailCatcher.Core.Events;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Writing;

/// <summary>Records how a session ended and stores its transcript.</summary>
/// <param name="inboxId">The inbox of the session's AUTH user, else <c>default</c>: the session's inbox when no message set it.</param>
internal sealed class EndSessionOperation(SessionEnd end, SessionStart? start, long inboxId) : WriteOperation<bool>
{
    // Encoded here, on the ending session's thread: a long session's transcript is a lot of JSON
    // and compression that the single writer should not spend its time on.
    private readonly byte[] _transcript = TranscriptCodec.Encode(end.Transcript);

    private const string Update = """
        UPDATE Sessions SET EndedAt = $endedAt, HeloName = $helo, Tls = $tls, AuthenticatedUser = $user,
            Error = $error, MessageCount = $count, InboxId = coalesce(InboxId, $inbox)
        WHERE Id = $id
        RETURNING StartedAt, ClientAddress
        """;

    private const string InsertTranscript = "INSERT INTO SessionTranscripts (SessionId, Data) VALUES ($id, $data) ON CONFLICT (SessionId) DO UPDATE SET Data = excluded.Data";

    private SessionSummary? _summary;

    public override void Execute(WriterCommands commands)
    {
        if (start is not null)
        {
            SessionRows.EnsureExists(commands, end.SessionId, start, null);
        }
        var update = commands.Get(Update);
        var p = update.Parameters;
        p.AddWithValue("$id", end.SessionId);
        p.AddWithValue("$endedAt", UtcDateTimeConverter.Format(end.EndedAt));
        p.AddWithValue("$helo", (object?)end.HeloName ?? DBNull.Value);
        p.AddWithValue("$tls", (object?)end.Tls ?? DBNull.Value);
        p.AddWithValue("$user", (object?)end.AuthenticatedUser ?? DBNull.Value);
        p.AddWithValue("$error", (object?)end.Error ?? DBNull.Value);
        p.AddWithValue("$count", end.MessageIds.Count);
        p.AddWithValue("$inbox", inboxId);
        using (var reader = update.ExecuteReader())
        {
            if (!reader.Read())
            {
                Result = false;
                return;
            }
            _summary = new SessionSummary
            {
                Id = end.SessionId,
                StartedAt = UtcDateTimeConverter.Parse(reader.GetString(0)),
                EndedAt = end.EndedAt,
                ClientAddress = reader.GetString(1),
                HeloName = end.HeloName,
                Tls = end.Tls,
                AuthenticatedUser = end.AuthenticatedUser,
                MessageIds = end.MessageIds,
                Error = end.Error,
            };
        }

        var transcript = commands.Get(InsertTranscript);
        transcript.Parameters.AddWithValue("$id", end.SessionId);
        transcript.Parameters.AddWithValue("$data", _transcript);
        transcript.ExecuteNonQuery();
        Result = true;
    }

    protected override void Announce(MailEventBus events)
    {
        if (_summary is not null)
        {
            events.Publish(new SessionEnded(_summary));
        }
    }
}
