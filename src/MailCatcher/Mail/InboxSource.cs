using MailCatcher.Core.Search;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Mail;

/// <summary>
/// The inbox's data: windows of the message list, newest first, filtered by the search box with
/// design.md's search language — the same parser and the same FTS5-backed queries as the REST
/// API's <c>q</c>. Only the rows of the requested window are read, so 100,000 messages cost no
/// more than 100.
/// </summary>
/// <remarks>Every method takes the open inbox's id (issue 13); null lists every inbox.</remarks>
public sealed class InboxSource(MailQueries queries)
{
    public async Task<InboxPage> ListAsync(string? query, int offset, int limit, CancellationToken cancellationToken, long? inboxId = null)
    {
        if (!TryFilter(query, inboxId, out var filter))
        {
            var counts = await queries.CountAsync(cancellationToken);
            return new InboxPage(0, counts.Unread, []);
        }
        var page = await queries.SearchMessagesAsync(filter, offset, Math.Max(limit, 1), cancellationToken);
        return new InboxPage(page.Total, page.Unread, limit <= 0 ? [] : page.Messages);
    }

    /// <summary>The ids of every message the query matches (for "delete all" during a search).</summary>
    public async Task<List<long>> MatchingIdsAsync(string? query, CancellationToken cancellationToken, long? inboxId = null)
    {
        if (!TryFilter(query, inboxId, out var filter))
        {
            return [];
        }
        return [.. await queries.FindIdsAsync(filter, int.MaxValue, cancellationToken)];
    }

    /// <summary>The position of a message in the filtered list (0 = newest), or -1 when it is not in it.</summary>
    public async Task<int> IndexOfAsync(string? query, long id, CancellationToken cancellationToken, long? inboxId = null)
    {
        if (!TryFilter(query, inboxId, out var filter))
        {
            return -1;
        }
        if ((await queries.FindIdsAsync(filter with { Ids = [id] }, 1, cancellationToken)).Count == 0)
        {
            return -1;
        }
        return (await queries.SearchMessagesAsync(filter with { AfterId = id }, 0, 1, cancellationToken)).Total;
    }

    /// <summary>
    /// Parses the search box's text. A query the parser refuses (an unclosed quote, a bad date)
    /// matches nothing rather than everything; <see cref="Validate"/> tells the box why.
    /// </summary>
    private static bool TryFilter(string? query, long? inboxId, out MessageFilter filter)
    {
        try
        {
            filter = new MessageFilter(SearchQuery.Parse(query), InboxId: inboxId);
            return true;
        }
        catch (SearchQueryException)
        {
            filter = MessageFilter.All;
            return false;
        }
    }

    /// <summary>Why a search box text is not a valid query, or null when it is.</summary>
    public static string? Validate(string? query)
    {
        try
        {
            SearchQuery.Parse(query);
            return null;
        }
        catch (SearchQueryException e)
        {
            return e.Message;
        }
    }
}
