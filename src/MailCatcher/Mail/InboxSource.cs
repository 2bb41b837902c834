using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Mail;

/// <summary>
/// The inbox's data: windows of the message list, newest first, filtered by the search box.
/// Only the rows of the requested window are read, so 100,000 messages cost no more than 100.
/// </summary>
public sealed class InboxSource(IDbContextFactory<MailDbContext> contexts)
{
    public async Task<InboxPage> ListAsync(string? query, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Search(db.Messages.AsNoTracking(), query);
        var total = await matching.CountAsync(cancellationToken);
        var unread = await db.Messages.CountAsync(m => !m.IsRead, cancellationToken);
        var rows = limit <= 0 ? [] : await matching.OrderByDescending(m => m.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new InboxPage(total, unread, [.. rows.Select(MessageMapper.ToSummary)]);
    }

    /// <summary>The ids of every message the query matches (for "delete all" during a search).</summary>
    public async Task<List<long>> MatchingIdsAsync(string? query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Search(db.Messages.AsNoTracking(), query).Select(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The position of a message in the filtered list (0 = newest), or -1 when it is not in it.</summary>
    public async Task<int> IndexOfAsync(string? query, long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Search(db.Messages.AsNoTracking(), query);
        if (!await matching.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return -1;
        }
        return await matching.CountAsync(m => m.Id > id, cancellationToken);
    }

    /// <summary>
    /// THE SEARCH SEAM: the one place the inbox applies the search box's query (design.md's search
    /// language). At merge this body becomes a call to the shared parser in
    /// <c>MailCatcher.Core.Search</c>; until then every whitespace-separated word must appear in the
    /// subject, an address, a display name or the snippet (case-insensitive for ASCII).
    /// </summary>
    public static IQueryable<StoredMessage> Search(IQueryable<StoredMessage> messages, string? query)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var word in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            messages = messages.Where(m =>
                EF.Functions.Like(m.Subject, pattern, "\\")
                || EF.Functions.Like(m.FromAddress ?? "", pattern, "\\")
                || EF.Functions.Like(m.FromName ?? "", pattern, "\\")
                || EF.Functions.Like(m.ToJson, pattern, "\\")
                || EF.Functions.Like(m.CcJson, pattern, "\\")
                || EF.Functions.Like(m.EnvelopeFrom, pattern, "\\")
                || EF.Functions.Like(m.EnvelopeToJson, pattern, "\\")
                || EF.Functions.Like(m.Snippet, pattern, "\\"));
        }
        return messages;
    }
}
