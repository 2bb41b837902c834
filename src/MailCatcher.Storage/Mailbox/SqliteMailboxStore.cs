using System.Globalization;
using MailCatcher.Core.Events;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Queries;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Mailbox;

/// <summary>
/// The POP3/IMAP seam on SQLite. Reads are untracked queries; the two writes (read state,
/// delete) are single EF Core set-based statements, each its own short transaction, and publish
/// their events only after commit. No schema of its own: UIDs are message ids and UIDVALIDITY
/// is the <c>Settings</c> row written when the database was created.
/// </summary>
/// <remarks>A scope naming an inbox (issue 13) lists that inbox only, through <c>(InboxId, Id)</c>.</remarks>
public sealed class SqliteMailboxStore(IDbContextFactory<MailDbContext> contexts, MailQueries queries, MailEventBus events, InboxDirectory inboxes) : IMailboxStore
{
    private uint? _uidValidity;

    public async Task<uint> GetUidValidityAsync(CancellationToken cancellationToken)
    {
        if (_uidValidity is { } known)
        {
            return known;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var text = await db.Settings.Where(s => s.Key == StoreSetting.UidValidity).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        // RFC 3501 §2.3.1.1: a non-zero 32-bit value. The migration seeds it with the creation time in seconds.
        var value = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed != 0 ? parsed : 1u;
        _uidValidity = value;
        return value;
    }

    public async Task<long> GetNextIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, even after deletes;
        // PostgreSQL's identity sequence does the same (issue 14).
        var last = db.Database.IsNpgsql()
            ? await db.Database
                .SqlQuery<long>($"SELECT COALESCE(pg_sequence_last_value(CAST(pg_get_serial_sequence('messages', 'id') AS regclass)), 0) AS \"Value\"")
                .ToListAsync(cancellationToken)
            : await db.Database
                .SqlQuery<long>($"SELECT seq AS Value FROM sqlite_sequence WHERE name = 'Messages'")
                .ToListAsync(cancellationToken);
        return (last.Count == 0 ? 0 : last[0]) + 1;
    }

    public async Task<IReadOnlyList<MailboxEntry>> ListAsync(MailboxScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await EntriesAsync(Visible(db, scope), scope, cancellationToken);
    }

    /// <summary>
    /// Old messages as (id, read) only, through <c>(InboxId, Id)</c>: a session that polls a mailbox
    /// of 10,000 while mail arrives no longer reads and parses every message's address columns.
    /// </summary>
    public async Task<MailboxChanges> ListChangesAsync(MailboxScope scope, long knownUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = Visible(db, scope);
        // Read first: a message stored between the two queries is then among the added, not lost.
        // (Under a recipient scope the states also hold others' messages; the session ignores ids it does not know.)
        var states = await visible.Where(m => m.Id <= knownUpTo).Select(m => new { m.Id, m.IsRead }).ToDictionaryAsync(m => m.Id, m => m.IsRead, cancellationToken);
        var added = await EntriesAsync(visible.Where(m => m.Id > knownUpTo), scope, cancellationToken);
        return new MailboxChanges(states, added);
    }

    private IQueryable<StoredMessage> Visible(MailDbContext db, MailboxScope scope)
    {
        var messages = db.Messages.AsNoTracking();
        if (scope.Inbox is not null)
        {
            // An inbox deleted since login has nothing left to see.
            var inboxId = inboxes.Find(scope.Inbox)?.Id ?? -1;
            messages = messages.Where(m => m.InboxId == inboxId);
        }
        return messages;
    }

    private static async Task<List<MailboxEntry>> EntriesAsync(IQueryable<StoredMessage> messages, MailboxScope scope, CancellationToken cancellationToken)
    {
        var rows = await messages
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Size, m.ReceivedAt, m.IsRead, m.Date, m.FromName, m.FromAddress, m.ToJson, m.CcJson, m.EnvelopeToJson, m.Subject })
            .ToListAsync(cancellationToken);
        var entries = new List<MailboxEntry>(rows.Count);
        foreach (var row in rows)
        {
            var to = StorageJson.Deserialize<List<EmailAddress>>(row.ToJson);
            var cc = StorageJson.Deserialize<List<EmailAddress>>(row.CcJson);
            var envelope = StorageJson.Deserialize<List<string>>(row.EnvelopeToJson);
            var recipients = to.Concat(cc).Select(Display).Concat(envelope).ToList();
            if (scope.Recipient is { } recipient && !MatchesAny(to.Concat(cc), envelope, recipient))
            {
                continue;
            }
            var from = row.FromAddress is null ? "" : Display(new EmailAddress(row.FromName ?? "", row.FromAddress));
            entries.Add(new MailboxEntry(row.Id, row.Size, row.ReceivedAt, row.IsRead, row.Date, from, recipients, row.Subject));
        }
        return entries;
    }

    public Task<Stream?> OpenRawAsync(long id, CancellationToken cancellationToken) => queries.OpenRawAsync(id, cancellationToken);

    public async Task SetReadAsync(IReadOnlyCollection<long> ids, bool isRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changing = await db.Messages.Where(m => ids.Contains(m.Id) && m.IsRead != isRead).Select(m => m.Id).ToListAsync(cancellationToken);
        if (changing.Count == 0)
        {
            return;
        }
        await db.Messages.Where(m => changing.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsRead, isRead), cancellationToken);
        var rows = await db.Messages.AsNoTracking().Where(m => changing.Contains(m.Id)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            events.Publish(new MessageUpdated(MessageMapper.ToSummary(row) with { Inbox = inboxes.NameOf(row.InboxId) }));
        }
    }

    public async Task<IReadOnlyList<long>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await db.Messages.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.InboxId }).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var existing = found.Select(m => m.Id).ToList();
        await db.MessageContents.Where(c => existing.Contains(c.MessageId)).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.Where(m => existing.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var inbox in found.GroupBy(m => m.InboxId))
        {
            events.Publish(new MessagesDeleted([.. inbox.Select(m => m.Id)], inbox.Key));
        }
        return existing;
    }

    private static string Display(EmailAddress address) =>
        string.IsNullOrEmpty(address.Name) ? address.Address : $"{address.Name} <{address.Address}>";

    private static bool MatchesAny(IEnumerable<EmailAddress> headers, IEnumerable<string> envelope, string recipient) =>
        headers.Any(a => Matches(a.Address, recipient)) || envelope.Any(a => Matches(a, recipient));

    /// <summary>A whole address matches itself; a name without <c>@</c> matches an address's local part.</summary>
    private static bool Matches(string address, string recipient)
    {
        if (recipient.Contains('@', StringComparison.Ordinal))
        {
            return string.Equals(address, recipient, StringComparison.OrdinalIgnoreCase);
        }
        var at = address.LastIndexOf('@');
        return at > 0 && string.Equals(address[..at], recipient, StringComparison.OrdinalIgnoreCase);
    }
}
