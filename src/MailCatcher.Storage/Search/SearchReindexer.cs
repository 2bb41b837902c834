using MailCatcher.Core.Content;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Ingest;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Storage.Search;

/// <summary>
/// Gives the messages in <c>SearchReindexQueue</c> their full body text in the search index again.
/// A migration that has to rebuild the index can only fill it from summary columns (the bodies are
/// compressed blobs SQL cannot read); it queues every message, and this service re-parses them in
/// the background, newest first, through the single writer. New mail never enters the queue.
/// </summary>
public sealed class SearchReindexer(DatabaseLocation location, MailQueries queries, GroupCommitWriter writer, ILogger<SearchReindexer> logger) : BackgroundService
{
    private const int ChunkSize = 200;

    private const string NextChunk = """
        SELECT q.MessageId, m.EnvelopeFrom, m.EnvelopeToJson
        FROM SearchReindexQueue AS q LEFT JOIN Messages AS m ON m.Id = q.MessageId
        ORDER BY q.MessageId DESC LIMIT $limit
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (location.IsPostgres)
        {
            // Only SQLite's migrations ever rebuild the index and fill the queue: PostgreSQL has
            // none, so several instances never race over it (issue 14).
            return;
        }
        var done = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var chunk = await ReadChunkAsync(stoppingToken);
            if (chunk.Count == 0)
            {
                break;
            }
            // Queued without waiting for each commit, so the writer groups a chunk into few transactions.
            var writes = new List<Task<bool>>(chunk.Count);
            foreach (var queued in chunk)
            {
                var document = queued.Envelope is { } envelope ? await ReadDocumentAsync(queued.MessageId, envelope, stoppingToken) : null;
                writes.Add(writer.EnqueueAsync(new ReindexMessageOperation(queued.MessageId, document)));
            }
            await Task.WhenAll(writes);
            done += chunk.Count;
        }
        if (done > 0)
        {
            logger.LogInformation("Search index: full text restored for {Count} stored messages", done);
        }
    }

    private async Task<List<QueuedMessage>> ReadChunkAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(location.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = NextChunk;
        command.Parameters.AddWithValue("$limit", ChunkSize);
        var chunk = new List<QueuedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var envelope = reader.IsDBNull(1) ? null : new Envelope(reader.GetString(1), StorageJson.Deserialize<List<string>>(reader.GetString(2)));
            chunk.Add(new QueuedMessage(reader.GetInt64(0), envelope));
        }
        return chunk;
    }

    /// <summary>The message's search text, parsed from its stored bytes as at ingest; null when it has gone.</summary>
    private async Task<SearchDocument?> ReadDocumentAsync(long id, Envelope envelope, CancellationToken cancellationToken)
    {
        await using var raw = await queries.OpenRawAsync(id, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        // The parser wants a seekable stream; the spool keeps a large message off the heap.
        using var spool = await SpooledContent.CopyFromAsync(raw, cancellationToken);
        using var content = spool.OpenRead();
        var summary = SummaryParser.Parse(content, persistent: spool.IsOnDisk);
        return SearchDocument.From(envelope.From, envelope.Recipients, summary);
    }

    private sealed record Envelope(string From, IReadOnlyList<string> Recipients);

    private sealed record QueuedMessage(long MessageId, Envelope? Envelope);
}
