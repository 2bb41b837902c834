using System.Globalization;
using MailCatcher.Core.Search;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Search;

/// <summary>
/// PostgreSQL's side of the search seam (issue 14), beside <see cref="SqliteSearchSql"/>: a
/// <c>tsvector</c> per message in <c>messagesearch</c> with a GIN index, and the translation of a
/// <see cref="SearchQuery"/> into a WHERE clause over it. The four FTS5 columns are the four
/// tsvector weights (subject A, sender B, recipients C, body D), so <c>from:</c>, <c>to:</c> and
/// <c>subject:</c> restrict a lexeme to its weight as FTS5 restricts a phrase to its column.
/// <para>
/// The words are cut here by <see cref="SearchTerm.SplitWords"/> (the query parser's own rule,
/// which is FTS5's unicode61: runs of letters and digits), so PostgreSQL's parser sees only plain
/// words and never makes its own email, URL or host tokens: <c>alice@example.com</c> is
/// <c>alice example com</c> on both engines. The configuration <c>mailcatcher_search</c> (see the
/// migration) lower-cases them and removes accents. Where the two still differ is written down in
/// docs/ARCHITECTURE.md.
/// </para>
/// <para>Nothing a user types reaches the SQL text: the tsquery is a parameter built only from words.</para>
/// </summary>
internal static class PostgresSearchSql
{
    /// <summary>
    /// A tsvector holds at most 1 MB and positions up to 16,383: the body's text beyond this many
    /// characters is not indexed on PostgreSQL (FTS5 has no such limit).
    /// </summary>
    public const int MaxBodyChars = 500_000;

    private const string InsertDocument = """
        INSERT INTO MessageSearch (Id, Document) VALUES ($id,
            setweight(to_tsvector('mailcatcher_search', $subject), 'A') || setweight(to_tsvector('mailcatcher_search', $sender), 'B')
            || setweight(to_tsvector('mailcatcher_search', $recipients), 'C') || setweight(to_tsvector('mailcatcher_search', $body), 'D'))
        """;

    /// <summary>Indexes one message's text, in the writer's transaction.</summary>
    public static void Insert(WriterCommands commands, long id, SearchDocument document)
    {
        var insert = commands.Get(InsertDocument);
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$subject", Words(document.Subject));
        insert.Parameters.AddWithValue("$sender", Words(document.Sender));
        insert.Parameters.AddWithValue("$recipients", Words(document.Recipients));
        insert.Parameters.AddWithValue("$body", Words(document.Body.Length > MaxBodyChars ? document.Body[..MaxBodyChars] : document.Body));
        insert.ExecuteNonQuery();
    }

    /// <summary>The words of a text one space apart: what <c>to_tsvector</c> is given, so it never sees punctuation.</summary>
    public static string Words(string text) => string.Join(' ', SearchTerm.SplitWords(text));

    /// <summary>
    /// A boolean SQL expression over the <c>Messages</c> row aliased <paramref name="alias"/> that is
    /// true for the messages <paramref name="filter"/> selects; parameters are <c>$s0</c>, <c>$s1</c>…
    /// (see <see cref="ProviderSql.For"/>).
    /// </summary>
    public static SqlCondition Where(MessageFilter filter, string alias = "m")
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
            parts.Add($"{alias}.InboxId = {Parameter(inboxId)}");
        }
        if (TextQuery(filter.Query) is { } textQuery)
        {
            // Every text term in one tsquery, negated ones as !( ): one GIN scan answers them all.
            parts.Add($"{alias}.Id IN (SELECT Id FROM MessageSearch WHERE Document @@ to_tsquery('mailcatcher_search', {Parameter(textQuery)}))");
        }
        foreach (var term in filter.Query.Terms)
        {
            if (Lexemes(term) is { } query)
            {
                if (term.Negated && !HasPositiveText(filter.Query))
                {
                    // Only negated words: GIN cannot start from a negation, so take the complement.
                    parts.Add($"{alias}.Id NOT IN (SELECT Id FROM MessageSearch WHERE Document @@ to_tsquery('mailcatcher_search', {Parameter(query)}))");
                }
                continue;
            }
            var condition = term.Field switch
            {
                SearchField.HasAttachment => $"{alias}.AttachmentCount > 0",
                SearchField.IsRead => $"{alias}.IsRead",
                SearchField.IsUnread => $"NOT {alias}.IsRead",
                // As SQLite's json_each … COLLATE NOCASE (which folds ASCII only; lower() folds all letters).
                SearchField.Tag => $"EXISTS (SELECT 1 FROM json_array_elements_text(CAST({alias}.TagsJson AS json)) AS t(value) WHERE lower(t.value) = lower({Parameter(term.Value)}))",
                SearchField.Before => $"{alias}.ReceivedAt < {Parameter(UtcDateTimeConverter.Format(term.Time!.Value))}",
                SearchField.After => $"{alias}.ReceivedAt >= {Parameter(UtcDateTimeConverter.Format(term.Time!.Value))}",
                _ => null,
            };
            if (condition is not null)
            {
                parts.Add(term.Negated ? $"NOT ({condition})" : condition);
            }
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
            parts.Add($"{alias}.Id = ANY({Parameter(ids.ToArray())})");
        }
        return new SqlCondition(parts.Count == 0 ? "true" : string.Join(" AND ", parts), parameters);
    }

    // "Value" quoted: EF Core reads a scalar query's column by that exact name, and PostgreSQL
    // folds an unquoted alias to lower case.

    /// <summary>How many messages a text-only search matches: the index and the narrow search table alone.</summary>
    public const string CountMatches = "SELECT CAST(count(*) AS integer) AS \"Value\" FROM MessageSearch WHERE Document @@ to_tsquery('mailcatcher_search', $match)";

    /// <summary>One page of a text-only search's ids, newest first, walking the search table's key backwards.</summary>
    public const string PageOfMatches = "SELECT Id AS \"Value\" FROM MessageSearch WHERE Document @@ to_tsquery('mailcatcher_search', $match) ORDER BY Id DESC LIMIT $limit OFFSET $offset";

    /// <summary>
    /// The tsquery of a search that only has text terms (at least one of them not negated), in any
    /// inbox and with no other condition; null otherwise. Such a search is counted and paged in
    /// <c>MessageSearch</c> without reading <c>Messages</c> (every row there has its message: the
    /// foreign key cascades), as <see cref="SqliteSearchSql.FullTextOnly"/> is on SQLite.
    /// </summary>
    public static string? FullTextOnly(MessageFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.InboxId is not null || filter.AfterId is not null || filter.ReceivedAfter is not null || filter.Ids is not null)
        {
            return null;
        }
        return filter.Query.Terms.All(t => Lexemes(t) is not null) ? TextQuery(filter.Query) : null;
    }

    /// <summary>
    /// The text terms of a query as one tsquery, <c>(a) &amp; (b) &amp; !(c)</c>; null when no text term
    /// is positive (a tsquery of negations alone cannot use the index).
    /// </summary>
    private static string? TextQuery(SearchQuery query)
    {
        if (!HasPositiveText(query))
        {
            return null;
        }
        var parts = query.Terms
            .Select(t => (t.Negated, Lexemes: Lexemes(t)))
            .Where(t => t.Lexemes is not null)
            .Select(t => t.Negated ? $"!({t.Lexemes})" : $"({t.Lexemes})");
        return string.Join(" & ", parts);
    }

    private static bool HasPositiveText(SearchQuery query) => query.Terms.Any(t => !t.Negated && Lexemes(t) is not null);

    /// <summary>
    /// The tsquery for a text term, or null for a term the index does not answer: its words as a
    /// phrase (<c>&lt;-&gt;</c>), the last one (of two letters or more) as a prefix, each restricted to
    /// the weight of <c>from:</c> (B), <c>to:</c> (C) or <c>subject:</c> (A), as FTS5's
    /// <c>recipients : "bob example com"*</c>.
    /// </summary>
    public static string? Lexemes(SearchTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var weight = term.Field switch
        {
            SearchField.Text => "",
            SearchField.Subject => "A",
            SearchField.From => "B",
            SearchField.To => "C",
            _ => null,
        };
        var words = weight is null ? [] : term.Words;
        if (words.Count == 0)
        {
            return null;
        }
        var lexemes = words.Select((word, i) =>
        {
            var prefix = i == words.Count - 1 && word.Length > 1 ? "*" : "";
            return prefix.Length + weight!.Length == 0 ? word : $"{word}:{prefix}{weight}";
        });
        return string.Join(" <-> ", lexemes);
    }
}
