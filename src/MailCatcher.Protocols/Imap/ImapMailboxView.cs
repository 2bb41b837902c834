using MailCatcher.Core.Mailbox;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// The selected INBOX as one session knows it: message sequence numbers (positions in this
/// list, from 1) mapped to UIDs (message ids), and the flags last reported for each, so that a
/// change made elsewhere can be reported as an untagged FETCH, EXISTS or EXPUNGE (RFC 3501 §7.3.1,
/// §7.4.1, §7.4.2). Sequence numbers change only when this session reports an EXPUNGE.
/// </summary>
public sealed class ImapMailboxView(uint uidValidity, bool readOnly)
{
    private readonly List<Slot> _slots = [];

    /// <summary>One message in the view.</summary>
    public sealed class Slot(MailboxEntry entry)
    {
        public MailboxEntry Entry { get; set; } = entry;

        public long Uid => Entry.Id;

        /// <summary>Deleted elsewhere but not yet reported with EXPUNGE.</summary>
        public bool Gone { get; set; }

        /// <summary>The flags the client was last told.</summary>
        public IReadOnlyList<string> Reported { get; set; } = [];
    }

    public uint UidValidity { get; } = uidValidity;

    public bool ReadOnly { get; } = readOnly;

    public int Count => _slots.Count;

    /// <summary>The highest UID the view has ever held.</summary>
    public long HighestUid { get; private set; }

    public IReadOnlyList<Slot> Slots => _slots;

    /// <summary>
    /// Brings the view up to date with <paramref name="fresh"/> and returns the untagged
    /// responses to send. EXPUNGE is reported only when <paramref name="allowExpunge"/>
    /// (RFC 3501 §7.4.1: not during FETCH, STORE or SEARCH), highest sequence number first so
    /// that each number is still valid when the client reads it.
    /// </summary>
    public List<string> Update(IReadOnlyList<MailboxEntry> fresh, Func<MailboxEntry, IReadOnlyList<string>> flagsOf, bool allowExpunge)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var known = HighestUid;
        return Update(
            new MailboxChanges(fresh.Where(e => e.Id <= known).ToDictionary(e => e.Id, e => e.IsRead), [.. fresh.Where(e => e.Id > known)]),
            flagsOf,
            allowExpunge);
    }

    /// <summary>
    /// The same from what changed since the view's <see cref="HighestUid"/>
    /// (<see cref="IMailboxStore.ListChangesAsync"/>): read states of the messages it knows, the
    /// rest in full.
    /// </summary>
    public List<string> Update(MailboxChanges changes, Func<MailboxEntry, IReadOnlyList<string>> flagsOf, bool allowExpunge)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(flagsOf);
        var responses = new List<string>();
        for (var i = _slots.Count - 1; i >= 0; i--)
        {
            var slot = _slots[i];
            if (changes.ReadStates.TryGetValue(slot.Uid, out var isRead))
            {
                if (slot.Entry.IsRead != isRead)
                {
                    slot.Entry = slot.Entry with { IsRead = isRead };
                }
                continue;
            }
            slot.Gone = true;
        }
        if (allowExpunge)
        {
            for (var i = _slots.Count - 1; i >= 0; i--)
            {
                if (_slots[i].Gone)
                {
                    responses.Add($"* {i + 1} EXPUNGE");
                    _slots.RemoveAt(i);
                }
            }
        }
        for (var i = 0; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (slot.Gone)
            {
                continue;
            }
            var flags = flagsOf(slot.Entry);
            if (!flags.SequenceEqual(slot.Reported))
            {
                slot.Reported = flags;
                responses.Add($"* {i + 1} FETCH (UID {slot.Uid} FLAGS ({string.Join(' ', flags)}))");
            }
        }
        var added = false;
        foreach (var entry in changes.Added)
        {
            if (entry.Id > HighestUid)
            {
                _slots.Add(new Slot(entry) { Reported = flagsOf(entry) });
                HighestUid = entry.Id;
                added = true;
            }
        }
        if (added)
        {
            responses.Add($"* {_slots.Count} EXISTS");
        }
        return responses;
    }

    /// <summary>
    /// The messages a sequence set names, as (sequence number, slot). For UIDs, numbers that do
    /// not exist are ignored (RFC 3501 §6.4.8); for sequence numbers a number beyond the mailbox
    /// is an error, and false is returned.
    /// </summary>
    public bool TryResolve(ImapSequenceSet set, bool byUid, out List<(int Seq, Slot Slot)> messages)
    {
        ArgumentNullException.ThrowIfNull(set);
        messages = [];
        if (!byUid && set.LargestExplicit > _slots.Count)
        {
            return false;
        }
        var largest = byUid ? (_slots.Count == 0 ? 0 : _slots[^1].Uid) : _slots.Count;
        for (var i = 0; i < _slots.Count; i++)
        {
            if (set.Contains(byUid ? _slots[i].Uid : i + 1, largest))
            {
                messages.Add((i + 1, _slots[i]));
            }
        }
        return true;
    }
}
