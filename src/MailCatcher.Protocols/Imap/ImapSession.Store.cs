using System.Globalization;

namespace MailCatcher.Protocols.Imap;

/// <summary>STORE and UID STORE (RFC 3501 §6.4.6): \Seen is the store's read state, the rest live in <see cref="ImapFlagStore"/>.</summary>
public sealed partial class ImapSession
{
    private static readonly string[] SystemFlags = [@"\Seen", @"\Answered", @"\Flagged", @"\Deleted", @"\Draft"];

    private async Task<bool> StoreAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        var byUid = name.StartsWith("UID", StringComparison.Ordinal);
        reader.Space();
        var set = ParseSet(reader);
        reader.Space();
        var operation = reader.ReadToken().ToUpperInvariant();
        var silent = operation.EndsWith(".SILENT", StringComparison.Ordinal);
        var mode = silent ? operation[..^".SILENT".Length] : operation;
        if (mode is not ("FLAGS" or "+FLAGS" or "-FLAGS"))
        {
            throw new ImapSyntaxException($"bad store operation {operation}");
        }
        reader.Space();
        var flags = ReadFlags(reader);
        reader.ExpectEnd();
        var view = _view!;
        if (view.ReadOnly)
        {
            Tagged(tag, ImapReplies.ReadOnly);
            return false;
        }
        if (!view.TryResolve(set, byUid, out var messages))
        {
            Tagged(tag, ImapReplies.BadSequence);
            return false;
        }

        var others = new Dictionary<long, IReadOnlyCollection<string>>();
        var read = new List<long>();
        var unread = new List<long>();
        foreach (var (_, slot) in messages.Where(m => !m.Slot.Gone))
        {
            var current = new HashSet<string>(FlagsOf(slot.Entry), StringComparer.OrdinalIgnoreCase);
            var next = mode switch
            {
                "FLAGS" => new HashSet<string>(flags, StringComparer.OrdinalIgnoreCase),
                "+FLAGS" => [.. current.Union(flags, StringComparer.OrdinalIgnoreCase)],
                _ => [.. current.Except(flags, StringComparer.OrdinalIgnoreCase)],
            };
            var seen = next.Remove(@"\Seen");
            if (seen != slot.Entry.IsRead)
            {
                (seen ? read : unread).Add(slot.Uid);
                slot.Entry = Read(slot.Entry, seen);
            }
            others[slot.Uid] = next;
        }
        _flags.Set(others);
        await _store.SetReadAsync(read, true, cancellationToken);
        await _store.SetReadAsync(unread, false, cancellationToken);
        foreach (var (seq, slot) in messages.Where(m => !m.Slot.Gone))
        {
            var text = FlagsText(slot);
            if (!silent)
            {
                Line(byUid
                    ? string.Create(CultureInfo.InvariantCulture, $"* {seq} FETCH (UID {slot.Uid} {text})")
                    : $"* {seq} FETCH ({text})");
            }
        }
        await SyncAsync(allowExpunge: byUid, cancellationToken);
        Tagged(tag, ImapReplies.Completed(name));
        return false;
    }

    /// <summary>RFC 3501 §9: flag-list = "(" [flag *(SP flag)] ")", or flags separated by SP; \Recent cannot be stored.</summary>
    private static List<string> ReadFlags(ImapArgumentReader reader)
    {
        var flags = new List<string>();
        var parenthesized = reader.TryConsume((byte)'(');
        if (!(parenthesized && reader.Peek() == (byte)')'))
        {
            do
            {
                flags.Add(Canonical(reader.ReadToken()));
            }
            while (reader.TrySpace());
        }
        if (parenthesized)
        {
            reader.Expect((byte)')');
        }
        flags.RemoveAll(f => f.Equals(@"\Recent", StringComparison.OrdinalIgnoreCase));
        return flags;
    }

    private static string Canonical(string flag)
    {
        if (!flag.StartsWith('\\'))
        {
            return flag.All(c => ImapArgumentReader.IsAtomChar((byte)c)) ? flag : throw new ImapSyntaxException($"bad keyword {flag}");
        }
        return SystemFlags.FirstOrDefault(f => f.Equals(flag, StringComparison.OrdinalIgnoreCase))
            ?? (flag.Equals(@"\Recent", StringComparison.OrdinalIgnoreCase) ? @"\Recent" : throw new ImapSyntaxException($"unknown system flag {flag}"));
    }
}
