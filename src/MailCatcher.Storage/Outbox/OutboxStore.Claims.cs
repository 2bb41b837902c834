using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Outbox;

/// <summary>
/// How senders take entries: claims, their leases (issue 14: several instances on one database)
/// and the start-up requeue. The rest of the queue is in <c>OutboxStore.cs</c>.
/// </summary>
public sealed partial class OutboxStore
{
    /// <summary>This process among the instances that share the database (issue 14): the owner written into its claims.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// At start: an entry left in <c>sending</c> was interrupted (a crash or a stop mid-attempt)
    /// and goes back to <c>queued</c>. The relay may have received it already; RFC 5321 §6.1
    /// accepts a possible duplicate over a lost message. On SQLite this process owns the file, so
    /// every such entry was its own; on PostgreSQL other live instances may be sending theirs right
    /// now (issue 14), so only entries whose lease ran out go back.
    /// </summary>
    public async Task<int> RequeueInterruptedAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var sending = db.OutboxEntries.Where(e => e.State == OutboxStates.Sending);
        if (db.Database.IsNpgsql())
        {
            sending = sending.Where(e => e.LeaseUntil == null || e.LeaseUntil < now);
        }
        return await sending.ExecuteUpdateAsync(
            s => s.SetProperty(e => e.State, OutboxStates.Queued).SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null),
            cancellationToken);
    }

    /// <summary>
    /// Extends this instance's claim on an entry it is sending. False when the claim is no longer
    /// its own: the entry was deleted, or its lease ran out and another instance took it over.
    /// </summary>
    public async Task<bool> RenewLeaseAsync(long id, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxEntries.Where(e => e.Id == id && e.State == OutboxStates.Sending && e.ClaimedBy == Instance)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, leaseUntil), cancellationToken) > 0;
    }

    // Several instances on one database (issue 14): one statement claims the due entries, and
    // FOR UPDATE SKIP LOCKED lets each instance take rows no other is claiming at that moment
    // instead of waiting for them, so every entry is claimed (and sent) by exactly one instance.
    // A claim is leased: an entry still in sending whose lease ran out (its instance died mid-send)
    // is due again. PostgreSQL re-checks the WHERE on a row it locked after another claim committed,
    // so two instances never both take over the same expired entry.
    private const string ClaimOnPostgres = """
        UPDATE OutboxEntries SET State = @sending, NextAttemptAt = NULL, ClaimedBy = @instance, LeaseUntil = @leaseUntil
        WHERE Id IN (
            SELECT Id FROM OutboxEntries
            WHERE State = @queued OR (State = @deferred AND NextAttemptAt <= @now) OR (State = @sending AND (LeaseUntil IS NULL OR LeaseUntil < @now))
            ORDER BY Id LIMIT @max
            FOR UPDATE SKIP LOCKED)
        RETURNING *
        """;

    private async Task<IReadOnlyList<OutboxWork>> ClaimDueOnPostgresAsync(MailDbContext db, DateTime now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var rows = new List<StoredOutboxEntry>();
        var claim = db.OutboxEntries.FromSqlRaw(
            ClaimOnPostgres,
            ProviderSql.Parameter("sending", OutboxStates.Sending, postgres: true),
            ProviderSql.Parameter("instance", Instance, postgres: true),
            ProviderSql.Parameter("leaseUntil", UtcDateTimeConverter.Format(now + lease), postgres: true),
            ProviderSql.Parameter("queued", OutboxStates.Queued, postgres: true),
            ProviderSql.Parameter("deferred", OutboxStates.Deferred, postgres: true),
            ProviderSql.Parameter("now", UtcDateTimeConverter.Format(now), postgres: true),
            ProviderSql.Parameter("max", max, postgres: true)).AsNoTracking().AsAsyncEnumerable();
        await foreach (var row in claim.WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }
        var claimed = new List<OutboxWork>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            var attempts = await db.OutboxAttempts.CountAsync(a => a.EntryId == row.Id && a.At >= row.QueuedAt, cancellationToken);
            claimed.Add(new OutboxWork(row.Id, row.MessageId, row.EnvelopeFrom, StorageJson.Deserialize<List<string>>(row.RecipientsJson), row.QueuedAt, attempts));
            await AnnounceAsync(row.Id, cancellationToken);
        }
        return claimed;
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> due entries (queued, deferred whose time has come, or
    /// sending under a lease that ran out) to <c>sending</c>, oldest first, claimed by this
    /// instance for <paramref name="lease"/> (renewed with <see cref="RenewLeaseAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<OutboxWork>> ClaimDueAsync(DateTime now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxWork>();
        if (max <= 0)
        {
            return claimed;
        }
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            return await ClaimDueOnPostgresAsync(db, now, max, lease, cancellationToken);
        }
        var leaseUntil = now + lease;
        var due = await db.OutboxEntries.AsNoTracking()
            .Where(e => e.State == OutboxStates.Queued || (e.State == OutboxStates.Deferred && e.NextAttemptAt <= now)
                || (e.State == OutboxStates.Sending && (e.LeaseUntil == null || e.LeaseUntil < now)))
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            var changed = await db.OutboxEntries.Where(e => e.Id == row.Id && e.State == row.State && e.LeaseUntil == row.LeaseUntil)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.State, OutboxStates.Sending).SetProperty(e => e.NextAttemptAt, (DateTime?)null)
                        .SetProperty(e => e.ClaimedBy, Instance).SetProperty(e => e.LeaseUntil, leaseUntil),
                    cancellationToken);
            if (changed == 0)
            {
                continue;
            }
            var attempts = await db.OutboxAttempts.CountAsync(a => a.EntryId == row.Id && a.At >= row.QueuedAt, cancellationToken);
            claimed.Add(new OutboxWork(row.Id, row.MessageId, row.EnvelopeFrom, StorageJson.Deserialize<List<string>>(row.RecipientsJson), row.QueuedAt, attempts));
            await AnnounceAsync(row.Id, cancellationToken);
        }
        return claimed;
    }

    /// <summary>
    /// The earliest time a deferred entry is due, or another instance's claim runs out (when that
    /// instance died, its entry is taken over then); null when none waits.
    /// </summary>
    public async Task<DateTime?> NextDeferredAtAsync(CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var deferred = await db.OutboxEntries.Where(e => e.State == OutboxStates.Deferred && e.NextAttemptAt != null)
            .OrderBy(e => e.NextAttemptAt).Select(e => e.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var leased = await db.OutboxEntries.Where(e => e.State == OutboxStates.Sending && e.LeaseUntil != null && e.ClaimedBy != Instance)
            .OrderBy(e => e.LeaseUntil).Select(e => e.LeaseUntil).FirstOrDefaultAsync(cancellationToken);
        return deferred is null || (leased is not null && leased < deferred) ? leased : deferred;
    }
}
