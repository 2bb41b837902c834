using System.Collections.Concurrent;
using MailCatcher.Core.Events;
using MailCatcher.Core.Inboxes;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Inboxes;

/// <summary>
/// The inboxes of the store (issue 13), kept in memory so that routing a message, checking an
/// SMTP AUTH credential or an API token costs no query. Loaded once after migration; every
/// create and delete goes through here and updates the copy after it commits.
/// </summary>
public sealed class InboxDirectory(IDbContextFactory<MailDbContext> contexts, DatabaseLocation location, GroupCommitWriter writer, MailEventBus events, TimeProvider clock) : IInboxCredentials
{
    private readonly ConcurrentDictionary<string, InboxInfo> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, InboxInfo> _byId = new();
    private readonly ConcurrentDictionary<string, InboxInfo> _byTokenHash = new(StringComparer.Ordinal);

    /// <summary>Every inbox, <c>default</c> first, then by name.</summary>
    public IReadOnlyList<InboxInfo> All => [.. _byId.Values.OrderBy(i => i.Id != StoredInbox.DefaultId).ThenBy(i => i.Name, StringComparer.Ordinal)];

    /// <summary>Reads every inbox. Called once the schema is migrated, before any listener accepts.</summary>
    /// <remarks>
    /// Plain SQL (the same on both providers: PostgreSQL's names are the lower-case ones it folds
    /// these to): on the start-up path, EF Core would first build its model and compile the query
    /// (issue 11).
    /// </remarks>
    public void Load()
    {
        using var connection = location.CreateConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Name, CreatedAt, ExpiresAt, MaxMessages, SmtpPasswordHash, ApiTokenHash FROM Inboxes";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Remember(new InboxInfo(
                reader.GetInt64(0),
                reader.GetString(1),
                UtcDateTimeConverter.Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : UtcDateTimeConverter.Parse(reader.GetString(3)),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
    }

    public InboxInfo? Find(string? name) => name is not null && _byName.TryGetValue(InboxNames.Normalize(name), out var inbox) ? inbox : null;

    public InboxInfo? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The inbox whose API token <paramref name="token"/> is, or null: one hash and one lookup
    /// however many inboxes exist. Looking up by hash reveals nothing by its timing, since a
    /// caller cannot choose the hash of what it sends.
    /// </summary>
    public InboxInfo? FindByToken(string? token) =>
        token is not null && _byTokenHash.TryGetValue(InboxSecrets.Hash(token), out var inbox) ? inbox : null;

    /// <summary>The name of an inbox id; <c>default</c> for an id that is gone (its mail is being deleted too).</summary>
    public string NameOf(long id) => _byId.TryGetValue(id, out var inbox) ? inbox.Name : InboxNames.Default;

    public InboxInfo Default => _byId[StoredInbox.DefaultId];

    /// <summary>Creates an inbox. Null when the name is taken.</summary>
    /// <param name="withSecrets">True: the inbox gets an SMTP password and an API token (an API-created inbox); false: a configured inbox anyone may send to.</param>
    public async Task<CreatedInbox?> CreateAsync(string name, TimeSpan? timeToLive, int maxMessages, bool withSecrets, CancellationToken cancellationToken)
    {
        name = InboxNames.Normalize(name);
        if (!InboxNames.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid inbox name.", nameof(name));
        }
        var password = withSecrets ? InboxSecrets.NewPassword() : null;
        var token = withSecrets ? InboxSecrets.NewToken() : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new StoredInbox
        {
            Name = name,
            CreatedAt = now,
            ExpiresAt = timeToLive is { } ttl ? now + ttl : null,
            MaxMessages = maxMessages,
            SmtpPasswordHash = password is null ? null : InboxSecrets.Hash(password),
            ApiTokenHash = token is null ? null : InboxSecrets.Hash(token),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Inboxes.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" })
        {
            // SQLITE_CONSTRAINT or PostgreSQL's unique_violation: the unique index on Name; two jobs asked for the same name at once.
            return null;
        }
        var info = ToInfo(row);
        Remember(info);
        events.Publish(new InboxChanged(info.Name, info.Id, Deleted: false));
        return new CreatedInbox(info, password, token);
    }

    /// <summary>Makes sure a configured inbox (an <c>--inbox</c> rule's) exists, without secrets.</summary>
    public void EnsureExists(string name)
    {
        if (Find(name) is null)
        {
            _ = CreateAsync(name, null, 0, withSecrets: false, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Deletes an inbox with its messages and sessions, in one transaction of the single writer.
    /// False when there is no such inbox; <c>default</c> cannot be deleted.
    /// </summary>
    public async Task<bool> DeleteAsync(InboxInfo inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        if (inbox.Id == StoredInbox.DefaultId)
        {
            throw new InvalidOperationException("The default inbox cannot be deleted.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var existed = await writer.EnqueueAsync(new DeleteInboxOperation(inbox.Id));
        Forget(inbox);
        if (existed)
        {
            events.Publish(new InboxChanged(inbox.Name, inbox.Id, Deleted: true));
        }
        return existed;
    }

    /// <summary>
    /// Another instance on the same PostgreSQL database created or deleted inbox <paramref name="id"/>
    /// (issue 14): reads its row again and updates this copy, so routing, AUTH and token checks here
    /// follow at once. Returns the change to announce on this instance's bus; null when nothing changed.
    /// </summary>
    public async Task<InboxChanged?> RefreshAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Inboxes.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (row is not null)
        {
            var info = ToInfo(row);
            Remember(info);
            return new InboxChanged(info.Name, info.Id, Deleted: false);
        }
        if (Find(id) is not { } gone)
        {
            return null;
        }
        Forget(gone);
        return new InboxChanged(gone.Name, gone.Id, Deleted: true);
    }

    /// <summary>
    /// Reads every inbox again and returns what differs from this copy, which is updated (issue 14):
    /// notices sent while this instance was not listening are lost, so after (re)connecting its
    /// <c>LISTEN</c> the fan-out catches up on inboxes created or deleted meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<InboxChanged>> SyncAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = (await db.Inboxes.AsNoTracking().ToListAsync(cancellationToken)).Select(ToInfo).ToDictionary(i => i.Id);
        var changes = new List<InboxChanged>();
        foreach (var inbox in stored.Values.Where(i => Find(i.Id) != i))
        {
            Remember(inbox);
            changes.Add(new InboxChanged(inbox.Name, inbox.Id, Deleted: false));
        }
        foreach (var gone in _byId.Values.Where(i => !stored.ContainsKey(i.Id)).ToList())
        {
            Forget(gone);
            changes.Add(new InboxChanged(gone.Name, gone.Id, Deleted: true));
        }
        return changes;
    }

    /// <summary>The inboxes whose time-to-live has passed.</summary>
    public IReadOnlyList<InboxInfo> Expired(DateTime now) => [.. _byId.Values.Where(i => i.ExpiresAt is { } at && at <= now)];

    public InboxCredentialCheck Check(string user, string password)
    {
        if (Find(user) is not { SmtpPasswordHash: { } hash })
        {
            return InboxCredentialCheck.NotAnInbox;
        }
        return InboxSecrets.Matches(password, hash) ? InboxCredentialCheck.Accepted : InboxCredentialCheck.Rejected;
    }

    public bool IsInboxUser(string user) => Find(user) is { SmtpPasswordHash: not null };

    public bool IsInbox(string name) => Find(name) is not null;

    /// <summary>True when <paramref name="token"/> is this inbox's API token.</summary>
    public static bool CheckToken(InboxInfo inbox, string? token)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        return InboxSecrets.Matches(token, inbox.ApiTokenHash);
    }

    private void Remember(InboxInfo inbox)
    {
        _byName[inbox.Name] = inbox;
        _byId[inbox.Id] = inbox;
        if (inbox.ApiTokenHash is { } tokenHash)
        {
            _byTokenHash[tokenHash] = inbox;
        }
    }

    private void Forget(InboxInfo inbox)
    {
        _byName.TryRemove(new KeyValuePair<string, InboxInfo>(inbox.Name, inbox));
        _byId.TryRemove(inbox.Id, out _);
        if (inbox.ApiTokenHash is { } tokenHash)
        {
            _byTokenHash.TryRemove(new KeyValuePair<string, InboxInfo>(tokenHash, inbox));
        }
    }

    private static InboxInfo ToInfo(StoredInbox row) =>
        new(row.Id, row.Name, row.CreatedAt, row.ExpiresAt, row.MaxMessages, row.SmtpPasswordHash, row.ApiTokenHash);
}
