using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Ingest;
using MailCatcher.Storage.Search;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Inserts a message's summary row, streams its compressed bytes into a blob and indexes its text
/// for search: once per inbox it was routed to (issue 13), all in one transaction, so each inbox
/// is self-contained and the 250 covers every copy. The result is the ids, in route order.
/// </summary>
internal sealed class InsertMessageOperation(PreparedMessage message, SessionStart? sessionStart, IReadOnlyList<InboxRoute> routes) : WriteOperation<IReadOnlyList<long>>
{
    private const string InsertSummary = """
        INSERT INTO Messages (InboxId, ReceivedAt, SessionId, FromName, FromAddress, ToJson, CcJson, EnvelopeFrom, EnvelopeToJson,
            Subject, Date, MessageIdHeader, Snippet, AttachmentCount, Size, IsRead, TagsJson, AuthenticatedUser, Tls,
            ClientAddress, HeloName, ParseError)
        VALUES ($inbox, $receivedAt, $sessionId, $fromName, $fromAddress, $to, $cc, $envelopeFrom, $envelopeTo,
            $subject, $date, $messageId, $snippet, $attachments, $size, false, '[]', $user, $tls,
            $client, $helo, $parseError)
        RETURNING Id
        """;

    private const string InsertContent = "INSERT INTO MessageContents (MessageId, Compression, Data) VALUES ($id, $compression, $data)";

    private const string InsertEmptyContent = "INSERT INTO MessageContents (MessageId, Compression, Data) VALUES ($id, $compression, zeroblob($length))";

    public override bool AddsMessages => true;

    public override bool WritesLargeContent => message.CompressedBytes is null;

    public override IEnumerable<(long InboxId, int Keep)> InboxLimits =>
        routes.Where(r => r.Inbox.MaxMessages > 0).Select(r => (r.Inbox.Id, r.Inbox.MaxMessages));

    private readonly List<long> _ids = [];

    public override void Execute(WriterCommands commands)
    {
        _ids.Clear();
        if (sessionStart is not null)
        {
            SessionRows.EnsureExists(commands, message.Incoming.SessionId, sessionStart, routes[0].Inbox.Id);
        }
        foreach (var route in routes)
        {
            _ids.Add(InsertCopy(commands, route.Inbox.Id));
        }
        Result = _ids;
    }

    private long InsertCopy(WriterCommands commands, long inboxId)
    {
        var incoming = message.Incoming;
        var summary = message.Summary;
        var insert = commands.Get(InsertSummary);
        var p = insert.Parameters;
        p.AddWithValue("$inbox", inboxId);
        p.AddWithValue("$receivedAt", UtcDateTimeConverter.Format(incoming.ReceivedAt));
        p.AddWithValue("$sessionId", incoming.SessionId);
        p.AddWithValue("$fromName", (object?)summary.From?.Name ?? DBNull.Value);
        p.AddWithValue("$fromAddress", (object?)summary.From?.Address ?? DBNull.Value);
        p.AddWithValue("$to", message.ToJson);
        p.AddWithValue("$cc", message.CcJson);
        p.AddWithValue("$envelopeFrom", incoming.Envelope.From);
        p.AddWithValue("$envelopeTo", message.EnvelopeToJson);
        p.AddWithValue("$subject", summary.Subject);
        p.AddWithValue("$date", summary.Date is { } date ? UtcDateTimeConverter.Format(date) : DBNull.Value);
        p.AddWithValue("$messageId", (object?)summary.MessageId ?? DBNull.Value);
        p.AddWithValue("$snippet", summary.Snippet);
        p.AddWithValue("$attachments", summary.AttachmentCount);
        p.AddWithValue("$size", message.Size);
        p.AddWithValue("$user", (object?)incoming.Session.AuthenticatedUser ?? DBNull.Value);
        p.AddWithValue("$tls", (object?)incoming.Session.Tls ?? DBNull.Value);
        p.AddWithValue("$client", incoming.Session.ClientAddress);
        p.AddWithValue("$helo", (object?)incoming.Session.HeloName ?? DBNull.Value);
        p.AddWithValue("$parseError", (object?)summary.ParseError ?? DBNull.Value);
        var id = (long)insert.ExecuteScalar()!;

        if (message.CompressedBytes is { } bytes)
        {
            var content = commands.Get(InsertContent);
            content.Parameters.AddWithValue("$id", id);
            content.Parameters.AddWithValue("$compression", (int)ContentCompression.Brotli);
            content.Parameters.AddWithValue("$data", bytes);
            content.ExecuteNonQuery();
        }
        else
        {
            InsertStreamed(commands, id);
        }

        if (commands.IsPostgres)
        {
            PostgresSearchSql.Insert(commands, id, message.Search);
            return id;
        }
        var search = commands.Get(SqliteSearchSql.Insert);
        SqliteSearchSql.AddInsertParameters((SqliteParameterCollection)search.Parameters, id, inboxId, message.Search);
        search.ExecuteNonQuery();
        return id;
    }

    /// <summary>Streams large content into a zero-filled blob, so a 50 MB message is never one 50 MB array.</summary>
    private void InsertStreamed(WriterCommands commands, long id)
    {
        if (commands.IsPostgres)
        {
            // Npgsql sends a stream parameter to bytea in chunks: the spooled file is never one array.
            using var stream = message.Compressed.OpenRead();
            var streamed = commands.Get(InsertContent);
            streamed.Parameters.AddWithValue("$id", id);
            streamed.Parameters.AddWithValue("$compression", (int)ContentCompression.Brotli);
            streamed.Parameters.AddWithValue("$data", stream);
            streamed.ExecuteNonQuery();
            return;
        }
        var content = commands.Get(InsertEmptyContent);
        content.Parameters.AddWithValue("$id", id);
        content.Parameters.AddWithValue("$compression", (int)ContentCompression.Brotli);
        content.Parameters.AddWithValue("$length", message.Compressed.Length);
        content.ExecuteNonQuery();
        using var blob = new SqliteBlob((SqliteConnection)commands.Connection, "MessageContents", "Data", id);
        using var compressed = message.Compressed.OpenRead();
        compressed.CopyTo(blob, 64 * 1024);
    }

    protected override void Announce(MailEventBus events)
    {
        for (var i = 0; i < routes.Count; i++)
        {
            Announce(events, _ids[i], routes[i].Inbox);
        }
    }

    private void Announce(MailEventBus events, long id, InboxInfo inbox)
    {
        var incoming = message.Incoming;
        var summary = message.Summary;
        events.Publish(new MessageReceived(new MessageSummary
        {
            Id = id,
            Inbox = inbox.Name,
            InboxId = inbox.Id,
            ReceivedAt = incoming.ReceivedAt,
            SessionId = incoming.SessionId,
            From = summary.From,
            To = summary.To,
            Cc = summary.Cc,
            EnvelopeFrom = incoming.Envelope.From,
            EnvelopeTo = incoming.Envelope.Recipients,
            Subject = summary.Subject,
            Size = message.Size,
            Snippet = summary.Snippet,
            AttachmentCount = summary.AttachmentCount,
            IsRead = false,
            Tags = [],
        }));
    }
}
