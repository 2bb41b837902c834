using System.Globalization;
using MailCatcher.Core.Mailbox;

namespace MailCatcher.Protocols.Imap;

/// <summary>Mailbox commands (RFC 3501 §6.3, §6.4.1–§6.4.3, RFC 3691 UNSELECT, RFC 4315 UID EXPUNGE) and change tracking.</summary>
public sealed partial class ImapSession
{
    private ImapMailboxView? _view;

    private MailboxScope Scope => _authenticator.ScopeFor(User ?? "");

    private async Task<bool> RunMailboxCommandAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "SELECT":
            case "EXAMINE":
                await SelectAsync(tag, name, reader, cancellationToken);
                return false;
            case "LIST":
            case "LSUB":
                List(name, reader);
                break;
            case "STATUS":
                if (!await StatusAsync(tag, reader, cancellationToken))
                {
                    return false;
                }
                break;
            case "CREATE":
            case "DELETE":
            case "RENAME":
                Tagged(tag, ImapReplies.CannotCreate);
                return false;
            case "SUBSCRIBE":
            case "UNSUBSCRIBE":
                reader.Space();
                if (!IsInbox(reader.ReadAString()))
                {
                    Tagged(tag, ImapReplies.NoSuchMailbox);
                    return false;
                }
                break;
            case "APPEND":
                Tagged(tag, ImapReplies.CannotAppend);
                return false;
            case "COPY":
            case "MOVE":
            case "UID COPY":
            case "UID MOVE":
                Tagged(tag, ImapReplies.CannotCopy);
                return false;
            case "CLOSE":
                reader.ExpectEnd();
                // RFC 3501 §6.4.2: CLOSE expunges silently (unless read-only) and deselects.
                if (!_view!.ReadOnly)
                {
                    await _store.DeleteAsync(DeletedUids(null), cancellationToken);
                }
                Deselect();
                break;
            case "UNSELECT":
                reader.ExpectEnd();
                Deselect();
                break;
            case "EXPUNGE":
            case "UID EXPUNGE":
                if (!await ExpungeAsync(tag, name, reader, cancellationToken))
                {
                    return false;
                }
                break;
            case "FETCH":
            case "UID FETCH":
                return await FetchAsync(tag, name, reader, cancellationToken);
            case "STORE":
            case "UID STORE":
                return await StoreAsync(tag, name, reader, cancellationToken);
            case "SEARCH":
            case "UID SEARCH":
                return await SearchAsync(tag, name, reader, cancellationToken);
            default:
                Tagged(tag, "BAD Unknown command");
                return false;
        }
        Tagged(tag, ImapReplies.Completed(name));
        return false;
    }

    /// <summary>RFC 3501 §6.3.1 SELECT and §6.3.2 EXAMINE: only INBOX exists.</summary>
    private async Task SelectAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        reader.Space();
        var mailbox = reader.ReadAString();
        // RFC 5161-style parameters such as (CONDSTORE) are not supported; anything more is refused by ExpectEnd.
        reader.ExpectEnd();
        Deselect();
        if (!IsInbox(mailbox))
        {
            Tagged(tag, ImapReplies.NoSuchMailbox);
            return;
        }
        var readOnly = name == "EXAMINE";
        _dirty = false;
        var uidValidity = await _store.GetUidValidityAsync(cancellationToken);
        var entries = await _store.ListAsync(Scope, cancellationToken);
        var nextUid = await _store.GetNextIdAsync(cancellationToken);
        _view = new ImapMailboxView(uidValidity, readOnly);
        _view.Update(entries, FlagsOf, allowExpunge: true);
        _state = ImapState.Selected;

        Line(ImapReplies.Flags);
        Line($"* {_view.Count} EXISTS");
        Line("* 0 RECENT");
        var firstUnseen = _view.Slots.Select((s, i) => (s, i)).FirstOrDefault(x => !x.s.Entry.IsRead);
        if (firstUnseen.s is not null)
        {
            Line($"* OK [UNSEEN {firstUnseen.i + 1}] First unseen message");
        }
        Line($"* OK [UIDVALIDITY {uidValidity}] UIDs valid");
        Line($"* OK [UIDNEXT {Math.Max(nextUid, _view.HighestUid + 1)}] Predicted next UID");
        Line(readOnly ? ImapReplies.ReadOnlyPermanentFlags : ImapReplies.PermanentFlags);
        Tagged(tag, readOnly ? $"OK [READ-ONLY] {name} completed" : $"OK [READ-WRITE] {name} completed");
    }

    private void Deselect()
    {
        _view = null;
        if (_state == ImapState.Selected)
        {
            _state = ImapState.Authenticated;
        }
    }

    /// <summary>RFC 3501 §6.3.8 LIST / §6.3.9 LSUB reference mailbox-pattern: one flat namespace with INBOX, delimiter "/".</summary>
    private void List(string name, ImapArgumentReader reader)
    {
        reader.Space();
        var reference = reader.ReadAString();
        reader.Space();
        var pattern = reader.ReadListMailbox();
        reader.ExpectEnd();
        if (pattern.Length == 0)
        {
            // RFC 3501 §6.3.8: an empty pattern asks for the hierarchy delimiter.
            Line(ImapReplies.ListRoot(name));
            return;
        }
        if (MatchesPattern("INBOX", reference + pattern))
        {
            Line(ImapReplies.ListInbox(name));
        }
    }

    /// <summary>RFC 3501 §6.3.10 STATUS mailbox (items).</summary>
    private async Task<bool> StatusAsync(string tag, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        reader.Space();
        var mailbox = reader.ReadAString();
        reader.Space();
        reader.Expect((byte)'(');
        var items = new List<string> { reader.ReadAtom().ToUpperInvariant() };
        while (reader.TrySpace())
        {
            items.Add(reader.ReadAtom().ToUpperInvariant());
        }
        reader.Expect((byte)')');
        reader.ExpectEnd();
        if (!IsInbox(mailbox))
        {
            Tagged(tag, ImapReplies.NoSuchMailbox);
            return false;
        }
        var entries = await _store.ListAsync(Scope, cancellationToken);
        var values = new List<string>();
        foreach (var item in items)
        {
            var value = item switch
            {
                "MESSAGES" => entries.Count,
                "RECENT" => 0,
                "UIDNEXT" => Math.Max(await _store.GetNextIdAsync(cancellationToken), entries.Count == 0 ? 1 : entries[^1].Id + 1),
                "UIDVALIDITY" => await _store.GetUidValidityAsync(cancellationToken),
                "UNSEEN" => entries.Count(e => !e.IsRead),
                _ => throw new ImapSyntaxException($"unknown status item {item}"),
            };
            values.Add(string.Create(CultureInfo.InvariantCulture, $"{item} {value}"));
        }
        Line($"* STATUS INBOX ({string.Join(' ', values)})");
        return true;
    }

    /// <summary>RFC 3501 §6.4.3 EXPUNGE and RFC 4315 §2.1 UID EXPUNGE sequence-set.</summary>
    private async Task<bool> ExpungeAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        ImapSequenceSet? only = null;
        if (name == "UID EXPUNGE")
        {
            reader.Space();
            only = ImapSequenceSet.TryParse(reader.ReadToken(), out var set) ? set : throw new ImapSyntaxException("bad UID set");
        }
        reader.ExpectEnd();
        if (_view!.ReadOnly)
        {
            Tagged(tag, ImapReplies.ReadOnly);
            return false;
        }
        await _store.DeleteAsync(DeletedUids(only), cancellationToken);
        _dirty = true;
        await SyncAsync(allowExpunge: true, cancellationToken);
        return true;
    }

    private List<long> DeletedUids(ImapSequenceSet? only)
    {
        var largest = _view!.Count == 0 ? 0 : _view.Slots[^1].Uid;
        return [.. _view.Slots
            .Where(s => !s.Gone && _flags.Has(s.Uid, @"\Deleted") && (only is null || only.Contains(s.Uid, largest)))
            .Select(s => s.Uid)];
    }

    /// <summary>Reports what changed elsewhere since the client last heard (RFC 3501 §5.2, §7).</summary>
    private async Task SyncAsync(bool allowExpunge, CancellationToken cancellationToken)
    {
        if (_view is null || (!_dirty && !(allowExpunge && _view.Slots.Any(s => s.Gone))))
        {
            return;
        }
        _dirty = false;
        var changes = await _store.ListChangesAsync(Scope, _view.HighestUid, cancellationToken);
        foreach (var response in _view.Update(changes, FlagsOf, allowExpunge))
        {
            Line(response);
        }
    }

    /// <summary>The flags of a message: \Seen from the store's read state, the rest from the flag store.</summary>
    private IReadOnlyList<string> FlagsOf(MailboxEntry entry)
    {
        var flags = new List<string>();
        if (entry.IsRead)
        {
            flags.Add(@"\Seen");
        }
        flags.AddRange(_flags.Get(entry.Id).Order(StringComparer.OrdinalIgnoreCase));
        return flags;
    }

    private static bool IsInbox(string mailbox) => mailbox.Equals("INBOX", StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 3501 §6.3.8: "*" matches anything, "%" anything but the hierarchy delimiter. INBOX is case-insensitive.</summary>
    public static bool MatchesPattern(string name, string pattern)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pattern);
        return Match(name.ToUpperInvariant(), 0, pattern.ToUpperInvariant(), 0);

        static bool Match(string name, int n, string pattern, int p)
        {
            if (p == pattern.Length)
            {
                return n == name.Length;
            }
            if (pattern[p] is '*' or '%')
            {
                for (var k = n; k <= name.Length; k++)
                {
                    if (Match(name, k, pattern, p + 1))
                    {
                        return true;
                    }
                    if (k < name.Length && pattern[p] == '%' && name[k] == '/')
                    {
                        return false;
                    }
                }
                return false;
            }
            return n < name.Length && name[n] == pattern[p] && Match(name, n + 1, pattern, p + 1);
        }
    }
}
