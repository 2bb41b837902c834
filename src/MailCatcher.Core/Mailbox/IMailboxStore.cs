namespace MailCatcher.Core.Mailbox;

/// <summary>
/// What POP3 and IMAP need from the mail store: the list of messages with their ids (used as
/// IMAP UIDs and POP3 UIDLs, never reused), the raw bytes, the read state and deletion. Every
/// change is published on the event bus after commit, so the web inbox and other protocol
/// sessions see it live.
/// </summary>
public interface IMailboxStore
{
    /// <summary>RFC 3501 §2.3.1.1: the UIDVALIDITY of INBOX, fixed when the database was created.</summary>
    Task<uint> GetUidValidityAsync(CancellationToken cancellationToken);

    /// <summary>The id the next stored message will get at least (RFC 3501 §2.3.1.1 UIDNEXT): ids are never reused.</summary>
    Task<long> GetNextIdAsync(CancellationToken cancellationToken);

    /// <summary>Every message visible to <paramref name="scope"/>, oldest (lowest id) first.</summary>
    Task<IReadOnlyList<MailboxEntry>> ListAsync(MailboxScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// What a session that already knows every message up to <paramref name="knownUpTo"/> needs to
    /// catch up: the read state of each of those still visible, and the messages above it in full.
    /// An IMAP client polling a busy mailbox (NOOP, IDLE) then costs an id and a flag per old
    /// message instead of its addresses. This default reads the whole list; stores override it.
    /// </summary>
    async Task<MailboxChanges> ListChangesAsync(MailboxScope scope, long knownUpTo, CancellationToken cancellationToken)
    {
        var entries = await ListAsync(scope, cancellationToken);
        return new MailboxChanges(
            entries.Where(e => e.Id <= knownUpTo).ToDictionary(e => e.Id, e => e.IsRead),
            [.. entries.Where(e => e.Id > knownUpTo)]);
    }

    /// <summary>The exact bytes of a message as stored, or null when it is gone. Dispose the stream.</summary>
    Task<Stream?> OpenRawAsync(long id, CancellationToken cancellationToken);

    /// <summary>Sets the read state (IMAP <c>\Seen</c>); publishes <c>MessageUpdated</c> for each message that changed.</summary>
    Task SetReadAsync(IReadOnlyCollection<long> ids, bool isRead, CancellationToken cancellationToken);

    /// <summary>Deletes messages; publishes <c>MessagesDeleted</c> with the ids that existed.</summary>
    Task<IReadOnlyList<long>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
