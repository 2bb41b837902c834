using MailCatcher.Core.Events;
using MailCatcher.Core.Outbox;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Ingest;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Outbox;

/// <summary>
/// The persistent relay queue. Every state change is one small EF Core write (SQLite waits for
/// the group-commit writer's lock through the busy timeout) and is announced as
/// <see cref="OutboxChanged"/> after it is saved. State transitions are conditional updates
/// (<c>WHERE State = …</c>), so a user's retry or delete never races a sender into a wrong state.
/// </summary>
public sealed partial class OutboxStore(IDbContextFactory<MailDbContext> contexts, MailEventBus events)
{
    /// <summary>For the claims' half of the class (<c>OutboxStore.Claims.cs</c>).</summary>
    private IDbContextFactory<MailDbContext> Contexts => contexts;

    /// <summary>Queues a message: the entry and its own compressed copy of the bytes, in one transaction.</summary>
    public async Task<OutboxEntry> AddAsync(long messageId, string from, IReadOnlyList<string> to, Stream raw, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        byte[] compressed;
        using (var spool = await Task.Run(() => ContentCodec.Compress(raw), cancellationToken))
        {
            compressed = spool.ToArray();
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = new StoredOutboxEntry
        {
            MessageId = messageId,
            EnvelopeFrom = from,
            RecipientsJson = StorageJson.Serialize(to),
            State = OutboxStates.Queued,
            CreatedAt = now,
            QueuedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.OutboxEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            db.OutboxContents.Add(new StoredOutboxContent { EntryId = entry.Id, Compression = ContentCompression.Brotli, Data = compressed });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var result = ToEntry(entry, [], withTranscripts: false);
        events.Publish(new OutboxChanged(result));
        return result;
    }

    /// <summary>
    /// Queues some recipients of an entry on their own, as a new deferred entry: same message,
    /// sender and bytes (copied), and the same queue time, so the retry period keeps running from
    /// when the message was first queued. Null when the entry is gone.
    /// </summary>
    public async Task<OutboxEntry?> SplitAsync(long id, IReadOnlyList<string> recipients, DateTime nextAttemptAt, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var original = await db.OutboxEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        var content = await db.OutboxContents.AsNoTracking().FirstOrDefaultAsync(c => c.EntryId == id, cancellationToken);
        if (original is null || content is null)
        {
            return null;
        }
        var entry = new StoredOutboxEntry
        {
            MessageId = original.MessageId,
            EnvelopeFrom = original.EnvelopeFrom,
            RecipientsJson = StorageJson.Serialize(recipients),
            State = OutboxStates.Deferred,
            CreatedAt = now,
            QueuedAt = original.QueuedAt,
            NextAttemptAt = nextAttemptAt,
        };
        db.OutboxEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        db.OutboxContents.Add(new StoredOutboxContent { EntryId = entry.Id, Compression = content.Compression, Data = content.Data });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var result = ToEntry(entry, [], withTranscripts: false);
        events.Publish(new OutboxChanged(result));
        return result;
    }

    public async Task<OutboxEntry?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.OutboxEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return null;
        }
        var attempts = await db.OutboxAttempts.AsNoTracking().Where(a => a.EntryId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return ToEntry(entry, attempts, withTranscripts: true);
    }

    /// <summary>Newest first; attempts without their transcripts.</summary>
    public async Task<OutboxPage> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.OutboxEntries.CountAsync(cancellationToken);
        var rows = await db.OutboxEntries.AsNoTracking().OrderByDescending(e => e.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var attempts = await db.OutboxAttempts.AsNoTracking()
            .Where(a => ids.Contains(a.EntryId))
            .OrderBy(a => a.Id)
            .Select(a => new StoredOutboxAttempt { Id = a.Id, EntryId = a.EntryId, At = a.At, Code = a.Code, Text = a.Text })
            .ToListAsync(cancellationToken);
        var byEntry = attempts.ToLookup(a => a.EntryId);
        return new OutboxPage(total, offset, [.. rows.Select(r => ToEntry(r, [.. byEntry[r.Id]], withTranscripts: false))]);
    }

    /// <summary>How many entries are in each state (states with none are absent), for the metrics gauge.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxEntries.GroupBy(e => e.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>The exact bytes to send, from the outbox's own copy; null when the entry is gone.</summary>
    public async Task<Stream?> OpenContentAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var content = await db.OutboxContents.AsNoTracking().FirstOrDefaultAsync(c => c.EntryId == id, cancellationToken);
        return content is null ? null : ContentCodec.Decompress(new MemoryStream(content.Data, writable: false), content.Compression);
    }

    /// <summary>
    /// Records an attempt and the state it leads to. Only an entry still in <c>sending</c> under
    /// this instance's claim moves; null when the entry was deleted meanwhile, or another instance
    /// took it over after this one's lease ran out (its attempt is the one that counts).
    /// </summary>
    public async Task<OutboxEntry?> CompleteAttemptAsync(long id, OutboxAttempt attempt, OutboxState state, DateTime? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var text = OutboxStates.ToText(state);
        // One transaction: a reader never sees the new state without the attempt that led to it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.OutboxEntries.Where(e => e.Id == id && e.State == OutboxStates.Sending && e.ClaimedBy == Instance)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, text).SetProperty(e => e.NextAttemptAt, nextAttemptAt)
                    .SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null),
                cancellationToken);
        if (changed == 0)
        {
            return null;
        }
        db.OutboxAttempts.Add(new StoredOutboxAttempt { EntryId = id, At = attempt.At, Code = attempt.Code, Text = attempt.Text, Transcript = attempt.Transcript });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await AnnounceAsync(id, cancellationToken);
    }

    /// <summary>Puts an attempt that was interrupted by shutdown back in the queue, recording nothing.</summary>
    public async Task ReleaseClaimAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.OutboxEntries.Where(e => e.Id == id && e.State == OutboxStates.Sending && e.ClaimedBy == Instance)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, OutboxStates.Queued).SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null),
                cancellationToken);
    }

    public async Task SetBounceAsync(long id, long bounceMessageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.OutboxEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.BounceMessageId, bounceMessageId), cancellationToken) > 0)
        {
            await AnnounceAsync(id, cancellationToken);
        }
    }

    /// <summary>Queues a deferred or failed entry again at once, with a fresh retry period.</summary>
    public async Task<OutboxRetryResult> RetryAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.OutboxEntries
            .Where(e => e.Id == id && (e.State == OutboxStates.Deferred || e.State == OutboxStates.Failed || e.State == OutboxStates.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, OutboxStates.Queued).SetProperty(e => e.NextAttemptAt, (DateTime?)null).SetProperty(e => e.QueuedAt, now), cancellationToken);
        if (changed > 0)
        {
            return new OutboxRetryResult(await AnnounceAsync(id, cancellationToken), true);
        }
        return new OutboxRetryResult(await GetAsync(id, cancellationToken), false);
    }

    /// <summary>Deletes an entry with its copy and attempts; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.OutboxAttempts.Where(a => a.EntryId == id).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxContents.Where(c => c.EntryId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.OutboxEntries.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
        {
            events.Publish(new OutboxEntryDeleted(id));
        }
        return deleted > 0;
    }

    private async Task<OutboxEntry?> AnnounceAsync(long id, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(id, cancellationToken);
        if (entry is not null)
        {
            events.Publish(new OutboxChanged(entry));
        }
        return entry;
    }

    private static OutboxEntry ToEntry(StoredOutboxEntry row, IReadOnlyList<StoredOutboxAttempt> attempts, bool withTranscripts) => new()
    {
        Id = row.Id,
        MessageId = row.MessageId,
        From = row.EnvelopeFrom,
        To = StorageJson.Deserialize<List<string>>(row.RecipientsJson),
        State = OutboxStates.Parse(row.State),
        CreatedAt = row.CreatedAt,
        NextAttemptAt = row.NextAttemptAt,
        BounceMessageId = row.BounceMessageId,
        Attempts = [.. attempts.Select(a => new OutboxAttempt(a.At, a.Code, a.Text, withTranscripts ? a.Transcript : null))],
    };
}
