using System.Globalization;
using System.Text;
using MailCatcher.Core.Search;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Queries;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Search;

/// <summary>
/// The one seam for SQLite-specific search SQL: the FTS5 table, keeping it in step, and the
/// translation of a <see cref="SearchQuery"/> into a WHERE clause. A PostgreSQL store would
/// replace this file (tsvector + GIN) and keep every caller.
/// <para>
/// Nothing a user types reaches the SQL text: every value is a parameter, and the FTS5 MATCH
/// expression is built only from the query's words (letters and digits), each in double quotes,
/// so FTS5 operators (<c>NEAR</c>, <c>AND</c>, <c>*</c>, <c>^</c>, <c>:</c>) in a query are just words or dropped punctuation.
/// </para>
/// </summary>
internal static class SqliteSearchSql
{
    public const string Table = "MessageSearch";

    // The table itself is defined by the migrations (latest: SearchByInbox):
    // contentless (the text is not stored twice) with contentless_delete, so rows go with a plain
    // DELETE by rowid (SQLite 3.43+); "remove_diacritics 2" makes "José" match "jose"; no prefix
    // indexes, which cost ingest more than they saved search. A trigger removes a message's row
    // on every delete: the API's, retention's, any protocol's. IX_Messages_SearchFlags lets
    // has:attachment and is: be answered without reading the wide rows.
    //
    // The "inbox" column holds one token naming the message's inbox (InboxToken), so a search in
    // one inbox is a single FTS5 expression: the index intersects the inbox's short doclist with
    // the words' and never visits the other inboxes' matches (issue 13: 100 inboxes, 100,000
    // messages). Words a user types are scoped to the four text columns (TextColumns), so a
    // search for "i42" can never select inbox 42 by its token.

    public const string Insert = "INSERT INTO MessageSearch (rowid, subject, sender, recipients, body, inbox) VALUES ($id, $subject, $sender, $recipients, $body, $inbox)";

    /// <summary>
    /// As <see cref="Insert"/>, but only while the message is stored: a re-index must not leave a
    /// row for a message deleted meanwhile. The inbox token comes from the stored row.
    /// </summary>
    public const string InsertIfStored = """
        INSERT INTO MessageSearch (rowid, subject, sender, recipients, body, inbox)
        SELECT $id, $subject, $sender, $recipients, $body, 'i' || m.InboxId FROM Messages AS m WHERE m.Id = $id
        """;

    /// <summary>Removes one message's row (parameter <c>$id</c>).</summary>
    public const string Delete = "DELETE FROM MessageSearch WHERE rowid = $id";

    /// <summary>How many messages match an FTS expression (parameter <c>$match</c>), answered by the index alone.</summary>
    public const string CountMatches = "SELECT count(*) AS Value FROM MessageSearch WHERE MessageSearch MATCH $match";

    /// <summary>One page of matching ids, newest first, answered by the index alone (parameters <c>$match</c>, <c>$limit</c>, <c>$offset</c>).</summary>
    public const string PageOfMatches = "SELECT rowid AS Value FROM MessageSearch WHERE MessageSearch MATCH $match ORDER BY rowid DESC LIMIT $limit OFFSET $offset";

    /// <summary>The token the "inbox" column holds for a message of inbox <paramref name="inboxId"/>.</summary>
    public static string InboxToken(long inboxId) => "i" + inboxId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Narrows an FTS expression to one inbox (none: unchanged). FTS5 evaluates the AND by
    /// stepping through both doclists, so the cost follows the smaller of the two.
    /// </summary>
    public static string InInbox(string match, long? inboxId) =>
        inboxId is { } id ? $"inbox : \"{InboxToken(id)}\" AND ({match})" : match;

    /// <summary>
    /// When every term of the filter is answered by the full-text index (words, phrases, from:,
    /// to:, subject:, at least one of them positive) and nothing else narrows it, the single FTS5
    /// expression that selects the same messages; else null. Such a search is counted and paged by
    /// the index alone, without touching the Messages table, which is what keeps it fast at 100,000 messages.
    /// </summary>
    public static string? FullTextOnly(MessageFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.AfterId is not null || filter.ReceivedAfter is not null || filter.Ids is not null)
        {
            return null;
        }
        return filter.Query.Terms.All(t => FullText(t) is not null) ? FullTextPart(filter.Query) : null;
    }

    /// <summary>
    /// The FTS5 expression for a query's text terms (positive ones ANDed, negative ones NOT-ed), or
    /// null when it has no positive text term to start from.
    /// </summary>
    public static string? FullTextPart(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var positive = new List<string>();
        var negative = new List<string>();
        foreach (var term in query.Terms)
        {
            if (FullText(term) is { } match)
            {
                (term.Negated ? negative : positive).Add(match);
            }
        }
        if (positive.Count == 0)
        {
            return null;
        }
        // FTS5's NOT is binary: "a AND b NOT c NOT d" keeps a-and-b rows that have neither c nor d.
        var expression = string.Join(" AND ", positive.Select(p => $"({p})"));
        return negative.Aggregate(expression, (all, n) => $"({all}) NOT ({n})");
    }

    /// <summary>Adds the parameters of <see cref="InsertIfStored"/> for one message.</summary>
    public static void AddInsertParameters(SqliteParameterCollection parameters, long id, SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(document);
        parameters.AddWithValue("$id", id);
        parameters.AddWithValue("$subject", document.Subject);
        parameters.AddWithValue("$sender", document.Sender);
        parameters.AddWithValue("$recipients", document.Recipients);
        parameters.AddWithValue("$body", document.Body);
    }

    /// <summary>Adds the parameters of <see cref="Insert"/> for one message of inbox <paramref name="inboxId"/>.</summary>
    public static void AddInsertParameters(SqliteParameterCollection parameters, long id, long inboxId, SearchDocument document)
    {
        AddInsertParameters(parameters, id, document);
        parameters.AddWithValue("$inbox", InboxToken(inboxId));
    }

    /// <summary>
    /// A boolean SQL expression over the <c>Messages</c> row aliased <paramref name="alias"/> that
    /// is true for the messages <paramref name="filter"/> selects, with its parameters.
    /// </summary>
    public static SqlCondition Where(MessageFilter filter, string alias = "m") => Where(filter, alias, includeFullText: true);

    /// <summary>As <see cref="Where(MessageFilter, string)"/> without the text terms: what the Messages columns alone decide.</summary>
    public static SqlCondition WhereColumns(MessageFilter filter, string alias = "m") => Where(filter, alias, includeFullText: false);

    /// <summary>Ids (as <c>Value</c>) of the messages matching an FTS expression (parameter <c>$match</c>), ascending.</summary>
    public const string AllMatches = "SELECT rowid AS Value FROM MessageSearch WHERE MessageSearch MATCH $match ORDER BY rowid";

    private static SqlCondition Where(MessageFilter filter, string alias, bool includeFullText)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        var parameters = new List<SqliteParameter>();
        string Parameter(object value)
        {
            var name = "$s" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new SqliteParameter(name, value));
            return name;
        }

        if (filter.InboxId is { } inboxId)
        {
            // First, so that SQLite starts from (InboxId, Id) when nothing narrower applies.
            parts.Add($"{alias}.InboxId = {Parameter(inboxId)}");
        }
        var positive = new List<string>();
        foreach (var term in filter.Query.Terms)
        {
            if (FullText(term) is { } match)
            {
                if (!includeFullText)
                {
                    continue;
                }
                if (term.Negated)
                {
                    parts.Add($"{alias}.Id NOT IN (SELECT rowid FROM {Table} WHERE {Table} MATCH {Parameter(match)})");
                }
                else
                {
                    positive.Add(match);
                }
                continue;
            }
            var condition = term.Field switch
            {
                SearchField.HasAttachment => $"{alias}.AttachmentCount > 0",
                SearchField.IsRead => $"{alias}.IsRead = 1",
                SearchField.IsUnread => $"{alias}.IsRead = 0",
                SearchField.Tag => $"EXISTS (SELECT 1 FROM json_each({alias}.TagsJson) AS t WHERE t.value = {Parameter(term.Value)} COLLATE NOCASE)",
                SearchField.Before => $"{alias}.ReceivedAt < {Parameter(UtcDateTimeConverter.Format(term.Time!.Value))}",
                SearchField.After => $"{alias}.ReceivedAt >= {Parameter(UtcDateTimeConverter.Format(term.Time!.Value))}",
                _ => null,
            };
            if (condition is not null)
            {
                parts.Add(term.Negated ? $"NOT ({condition})" : condition);
            }
        }
        if (positive.Count > 0)
        {
            var positiveMatch = InInbox(string.Join(" AND ", positive), filter.InboxId);
            parts.Insert(filter.InboxId is null ? 0 : 1, $"{alias}.Id IN (SELECT rowid FROM {Table} WHERE {Table} MATCH {Parameter(positiveMatch)})");
        }
        if (filter.AfterId is { } afterId)
        {
            parts.Add($"{alias}.Id > {Parameter(afterId)}");
        }
        if (filter.ReceivedAfter is { } receivedAfter)
        {
            parts.Add($"{alias}.ReceivedAt > {Parameter(UtcDateTimeConverter.Format(receivedAfter))}");
        }
        if (filter.Ids is { } ids)
        {
            // json_each keeps the statement's text the same whatever the number of ids.
            parts.Add($"{alias}.Id IN (SELECT value FROM json_each({Parameter(StorageJson.Serialize(ids))}))");
        }
        return new SqlCondition(parts.Count == 0 ? "1" : string.Join(" AND ", parts), parameters);
    }

    /// <summary>Every column a plain word is looked for in: all but "inbox".</summary>
    private const string TextColumns = "{subject sender recipients body}";

    /// <summary>
    /// The FTS5 expression for a text term, or null for a term the index does not answer.
    /// Words become one quoted phrase whose last word (of two letters or more) matches as a prefix, scoped to a column for
    /// <c>from:</c>, <c>to:</c> and <c>subject:</c> (<c>to:bob@example.com</c> is <c>recipients : "bob example com"*</c>),
    /// else to the four text columns.
    /// </summary>
    public static string? FullText(SearchTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var column = term.Field switch
        {
            SearchField.Text => TextColumns,
            SearchField.From => "sender",
            SearchField.To => "recipients",
            SearchField.Subject => "subject",
            _ => "",
        };
        if (column == "")
        {
            return null;
        }
        var words = term.Words;
        if (words.Count == 0)
        {
            return null;
        }
        var phrase = new StringBuilder();
        phrase.Append(column).Append(" : ");
        // Words hold only letters, digits and combining marks: no quote can end the string early.
        // A one-letter last word is matched whole: as a prefix it would expand to most of the vocabulary.
        phrase.Append('"').AppendJoin(' ', words).Append('"');
        if (words[^1].Length > 1)
        {
            phrase.Append('*');
        }
        return phrase.ToString();
    }
}

/// <summary>A SQL boolean expression and the parameters it refers to.</summary>
internal sealed record SqlCondition(string Sql, IReadOnlyList<SqliteParameter> Parameters);
