using MailCatcher.Core.Messages;
using MailCatcher.Core.Search;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Ingest;
using MailCatcher.Storage.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Queries;

/// <summary>Read access to messages and sessions. Every query is a fresh, untracked context.</summary>
public sealed class MailQueries(IDbContextFactory<MailDbContext> contexts, DatabaseLocation location, InboxDirectory inboxes)
{
    /// <summary>Newest first. Reads summary columns only; message bodies stay on disk.</summary>
    public Task<MessagePage> ListMessagesAsync(int offset, int limit, CancellationToken cancellationToken)
        => ListInboxAsync(null, offset, limit, cancellationToken);

    /// <summary>Newest first in one inbox (null: every inbox), through <c>(InboxId, Id)</c>.</summary>
    public async Task<MessagePage> ListInboxAsync(long? inboxId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = InInbox(db, inboxId);
        var (total, unread) = location.IsPostgres
            ? await CountBothAsync(db, inboxId, cancellationToken)
            : (await messages.CountAsync(cancellationToken), await messages.CountAsync(m => !m.IsRead, cancellationToken));
        var rows = await messages.AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Skip(offset)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return new MessagePage(total, unread, offset, [.. rows.Select(Map)]);
    }

    /// <summary>
    /// PostgreSQL counts by visiting rows (no count from an index's size as SQLite has), so the total
    /// and the unread count of the newest page are one pass, not two.
    /// </summary>
    private static async Task<(int Total, int Unread)> CountBothAsync(MailDbContext db, long? inboxId, CancellationToken cancellationToken)
    {
        const string Counts = "SELECT CAST(count(*) AS integer) AS \"Total\", CAST(count(*) FILTER (WHERE NOT IsRead) AS integer) AS \"Unread\" FROM Messages";
        var counts = inboxId is { } id
            ? db.Database.SqlQueryRaw<MessageCounts>(Counts + " WHERE InboxId = @inbox", ProviderSql.Parameter("$inbox", id, postgres: true))
            : db.Database.SqlQueryRaw<MessageCounts>(Counts);
        var row = await counts.SingleAsync(cancellationToken);
        return (row.Total, row.Unread);
    }

    private sealed record MessageCounts(int Total, int Unread);

    private static IQueryable<StoredMessage> InInbox(MailDbContext db, long? inboxId) =>
        inboxId is { } id ? db.Messages.Where(m => m.InboxId == id) : db.Messages;

    /// <summary>The API's summary of a row, its inbox named.</summary>
    public MessageSummary Map(StoredMessage row) => MessageMapper.ToSummary(row) with { Inbox = inboxes.NameOf(row.InboxId) };

    /// <summary>
    /// Newest first, the messages matching a search in the language of design.md (null or blank: all).
    /// Throws <see cref="SearchQueryException"/> for a malformed query. <c>total</c> counts the matches; <c>unread</c> the store's unread messages.
    /// </summary>
    public Task<MessagePage> ListMessagesAsync(string? query, int offset, int limit, CancellationToken cancellationToken)
        => SearchMessagesAsync(new MessageFilter(SearchQueryParser.Parse(query)), offset, limit, cancellationToken);

    /// <summary>
    /// Newest first, the messages a filter selects. <c>total</c> counts the selection; <c>unread</c>
    /// is the number of unread messages in the whole store (the inbox badge), as in the unfiltered list.
    /// </summary>
    public async Task<MessagePage> SearchMessagesAsync(MessageFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsAll)
        {
            return await ListInboxAsync(filter.InboxId, offset, limit, cancellationToken);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unread = await InInbox(db, filter.InboxId).CountAsync(m => !m.IsRead, cancellationToken);
        if (location.IsPostgres)
        {
            if (PostgresSearchSql.FullTextOnly(filter) is { } tsquery)
            {
                // Counted and paged in the search table alone; only the page's rows are read.
                return await PageOfTextMatchesAsync(db, PostgresSearchSql.CountMatches, PostgresSearchSql.PageOfMatches, tsquery, unread, offset, limit, cancellationToken);
            }
            // One statement: PostgreSQL's planner joins the GIN index and the columns' indexes itself (issue 14).
            return await PageAsync(db, PostgresSearchSql.Where(filter), unread, offset, limit, cancellationToken);
        }
        if (SqliteSearchSql.FullTextOnly(filter) is { } textOnly)
        {
            // Counted and paged by the index alone (in one inbox too: the inbox is a term of the
            // expression); only the page's rows are read.
            var match = SqliteSearchSql.InInbox(textOnly, filter.InboxId);
            return await PageOfTextMatchesAsync(db, SqliteSearchSql.CountMatches, SqliteSearchSql.PageOfMatches, match, unread, offset, limit, cancellationToken);
        }
        if (SqliteSearchSql.FullTextPart(filter.Query) is { } textPart)
        {
            var matched = await MatchTextAndColumnsAsync(db, filter, textPart, cancellationToken);
            var pageIds = matched.AsEnumerable().Reverse().Skip(offset).Take(limit).ToList();
            var page = pageIds.Count == 0 ? [] : await db.Messages.AsNoTracking().Where(m => pageIds.Contains(m.Id)).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
            return new MessagePage(matched.Count, unread, offset, [.. page.Select(Map)]);
        }
        return await PageAsync(db, SqliteSearchSql.Where(filter), unread, offset, limit, cancellationToken);
    }

    /// <summary>A page of a text-only search: the matches counted, then one page of their ids, by the provider's two statements (<c>$match</c>, <c>$limit</c>, <c>$offset</c>).</summary>
    private async Task<MessagePage> PageOfTextMatchesAsync(MailDbContext db, string countSql, string pageSql, string match, int unread, int offset, int limit, CancellationToken cancellationToken)
    {
        var postgres = location.IsPostgres;
        var matches = await db.Database.SqlQueryRaw<int>(
            ProviderSql.For(countSql, postgres), ProviderSql.Parameter("$match", match, postgres)).SingleAsync(cancellationToken);
        var ids = matches == 0 ? [] : await db.Database.SqlQueryRaw<long>(
            ProviderSql.For(pageSql, postgres),
            ProviderSql.Parameter("$match", match, postgres),
            ProviderSql.Parameter("$limit", limit, postgres),
            ProviderSql.Parameter("$offset", offset, postgres)).ToListAsync(cancellationToken);
        var page = ids.Count == 0 ? [] : await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        return new MessagePage(matches, unread, offset, [.. page.Select(Map)]);
    }

    private async Task<MessagePage> PageAsync(MailDbContext db, SqlCondition where, int unread, int offset, int limit, CancellationToken cancellationToken)
    {
        var total = await Select(db, where).CountAsync(cancellationToken);
        var rows = total == 0 ? [] : await Select(db, where).AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Skip(offset)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return new MessagePage(total, unread, offset, [.. rows.Select(Map)]);
    }

    /// <summary>
    /// Ids (ascending) matching both a search's text terms and its column terms. The index gives the
    /// text matches in id order; the columns are then checked for those ids only when they are few,
    /// else read in id order through their narrow indexes, and the two sorted lists are merged.
    /// Either way no query walks the wide Messages rows once per text match.
    /// </summary>
    private static async Task<List<long>> MatchTextAndColumnsAsync(MailDbContext db, MessageFilter filter, string textPart, CancellationToken cancellationToken)
    {
        const int FewTextMatches = 20_000;
        var textIds = await db.Database.SqlQueryRaw<long>(
            SqliteSearchSql.AllMatches,
            new SqliteParameter("$match", SqliteSearchSql.InInbox(textPart, filter.InboxId))).ToListAsync(cancellationToken);
        if (textIds.Count == 0)
        {
            return textIds;
        }
        var few = textIds.Count <= FewTextMatches && filter.Ids is null;
        var columns = SqliteSearchSql.WhereColumns(few ? filter with { Ids = textIds } : filter);
        var parameters = columns.Parameters.Select(p => (object)new SqliteParameter(p.ParameterName, p.Value)).ToArray();
#pragma warning disable EF1002, EF1003 // The SQL is SqliteSearchSql's fragments; every user value is a parameter.
        // "+m.Id": without statistics SQLite prefers walking the wide rows in id order to avoid a
        // sort; the unary plus lets it answer has:/is: from their narrow index and sort the ids
        // instead (has:attachment at 100,000 messages: 80 ms -> 6 ms).
        var columnIds = await db.Database.SqlQueryRaw<long>("SELECT m.Id AS Value FROM Messages AS m WHERE " + columns.Sql + " ORDER BY +m.Id", parameters).ToListAsync(cancellationToken);
#pragma warning restore EF1002, EF1003
        if (few)
        {
            return columnIds;
        }
        return IntersectSorted(textIds, columnIds);
    }

    /// <summary>The ids in both ascending lists, ascending: one merge pass.</summary>
    internal static List<long> IntersectSorted(List<long> left, List<long> right)
    {
        var both = new List<long>(Math.Min(left.Count, right.Count));
        for (int i = 0, j = 0; i < left.Count && j < right.Count;)
        {
            if (left[i] == right[j])
            {
                both.Add(left[i]);
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return both;
    }

    /// <summary>The ids of the messages a filter selects, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<long>> FindIdsAsync(MessageFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var where = location.IsPostgres ? PostgresSearchSql.Where(filter) : SqliteSearchSql.Where(filter);
        return await Select(db, where).OrderByDescending(m => m.Id).Select(m => m.Id).Take(limit).ToListAsync(cancellationToken);
    }

    private IQueryable<StoredMessage> Select(MailDbContext db, SqlCondition where)
    {
        // Fresh parameter objects per command: a parameter belongs to one command at a time.
        var postgres = location.IsPostgres;
        var parameters = where.Parameters.Select(p => (object)ProviderSql.Parameter(p.ParameterName, p.Value, postgres)).ToArray();
#pragma warning disable EF1003 // The SQL is the search seam's fragments; every user value is a parameter.
        return db.Messages.FromSqlRaw(ProviderSql.For("SELECT * FROM Messages AS m WHERE " + where.Sql, postgres), parameters);
#pragma warning restore EF1003
    }

    public Task<StoredMessage?> GetMessageAsync(long id, CancellationToken cancellationToken) => GetMessageAsync(id, null, cancellationToken);

    /// <summary>One message, when it exists and is in the inbox (null: any inbox).</summary>
    public async Task<StoredMessage?> GetMessageAsync(long id, long? inboxId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await InInbox(db, inboxId).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>True when the message exists in the inbox (null: in any inbox).</summary>
    public async Task<bool> IsInInboxAsync(long id, long? inboxId, CancellationToken cancellationToken)
    {
        if (inboxId is null)
        {
            return true;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await InInbox(db, inboxId).AnyAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>As <see cref="OpenRawAsync(long, CancellationToken)"/>, null also when the message is in another inbox.</summary>
    public async Task<Stream?> OpenRawAsync(long id, long? inboxId, CancellationToken cancellationToken)
        => await IsInInboxAsync(id, inboxId, cancellationToken) ? await OpenRawAsync(id, cancellationToken) : null;

    /// <summary>Messages and unread messages of every inbox, by inbox id: one pass over <c>(InboxId, IsRead)</c>.</summary>
    public async Task<IReadOnlyDictionary<long, (int Total, int Unread)>> CountByInboxAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Messages.GroupBy(m => m.InboxId)
            .Select(g => new { InboxId = g.Key, Total = g.Count(), Unread = g.Count(m => !m.IsRead) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.InboxId, r => (r.Total, r.Unread));
    }

    /// <summary>
    /// The exact bytes of a message, streamed from the database and decompressed on the fly;
    /// null when there is no such message. Dispose the stream to release its connection.
    /// </summary>
    public async Task<Stream?> OpenRawAsync(long id, CancellationToken cancellationToken)
    {
        if (location.IsPostgres)
        {
            return await PostgresContent.OpenAsync(location, id, cancellationToken);
        }
        var connection = new SqliteConnection(location.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Compression FROM MessageContents WHERE MessageId = $id";
            command.Parameters.AddWithValue("$id", id);
            if (await command.ExecuteScalarAsync(cancellationToken) is not long compression)
            {
                await connection.DisposeAsync();
                return null;
            }
            var blob = new SqliteBlob(connection, "MessageContents", "Data", id, readOnly: true);
            return new OwningStream(ContentCodec.Decompress(blob, (ContentCompression)compression), connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Newest first, each with the ids of its messages that are still stored.</summary>
    public Task<SessionPage> ListSessionsAsync(int offset, int limit, CancellationToken cancellationToken)
        => ListSessionsAsync(null, offset, limit, cancellationToken);

    /// <summary>As <see cref="ListSessionsAsync(int, int, CancellationToken)"/>, the sessions of one inbox (null: all), each with its messages in that inbox.</summary>
    public async Task<SessionPage> ListSessionsAsync(long? inboxId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = inboxId is { } inbox ? db.Sessions.Where(s => s.InboxId == inbox) : db.Sessions;
        var total = await sessions.CountAsync(cancellationToken);
        var rows = await sessions.AsNoTracking()
            .OrderByDescending(s => s.Id)
            .Skip(offset)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var messages = await InInbox(db, inboxId).AsNoTracking()
            .Where(m => ids.Contains(m.SessionId))
            .Select(m => new { m.SessionId, m.Id })
            .ToListAsync(cancellationToken);
        var bySession = messages.ToLookup(m => m.SessionId, m => m.Id);
        return new SessionPage(total, offset, [.. rows.Select(r => ToSummary(r, [.. bySession[r.Id].Order()]))]);
    }

    public Task<SessionDetail?> GetSessionAsync(long id, CancellationToken cancellationToken) => GetSessionAsync(id, null, cancellationToken);

    /// <summary>One session, when it belongs to the inbox (null: any).</summary>
    public async Task<SessionDetail?> GetSessionAsync(long id, long? inboxId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null || (inboxId is not null && row.InboxId != inboxId))
        {
            return null;
        }
        var messageIds = await InInbox(db, inboxId).Where(m => m.SessionId == id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var transcript = await db.SessionTranscripts.AsNoTracking().FirstOrDefaultAsync(t => t.SessionId == id, cancellationToken);
        return new SessionDetail(ToSummary(row, messageIds), transcript is null ? [] : TranscriptCodec.Decode(transcript.Data));
    }

    /// <summary>Every tag in use, sorted, for Mailpit's <c>GET /api/v1/tags</c>.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lists = await db.Messages.Where(m => m.TagsJson != "[]").Select(m => m.TagsJson).Distinct().ToListAsync(cancellationToken);
        return [.. lists.SelectMany(StorageJson.Deserialize<List<string>>).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new StoreCounts(
            await db.Messages.CountAsync(cancellationToken),
            await db.Messages.CountAsync(m => !m.IsRead, cancellationToken),
            await db.Sessions.CountAsync(cancellationToken));
    }

    private static SessionSummary ToSummary(StoredSession row, IReadOnlyList<long> messageIds) => new()
    {
        Id = row.Id,
        StartedAt = row.StartedAt,
        EndedAt = row.EndedAt,
        ClientAddress = row.ClientAddress,
        HeloName = row.HeloName,
        Tls = row.Tls,
        AuthenticatedUser = row.AuthenticatedUser,
        MessageIds = messageIds,
        Error = row.Error,
    };
}
