using System.Globalization;
using MailCatcher.Core.Mailbox;
using W = MailCatcher.Protocols.Imap.ImapWriter;

namespace MailCatcher.Protocols.Imap;

/// <summary>FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8, §7.4.2).</summary>
public sealed partial class ImapSession
{
    private async Task<bool> FetchAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        var byUid = name.StartsWith("UID", StringComparison.Ordinal);
        reader.Space();
        var set = ParseSet(reader);
        reader.Space();
        var items = ImapFetchParser.Parse(reader);
        reader.ExpectEnd();
        if (byUid && !items.Exists(i => i.Kind == ImapFetchKind.Uid))
        {
            // RFC 3501 §6.4.8: UID FETCH responses always carry the UID.
            items.Insert(0, new ImapFetchItem(ImapFetchKind.Uid));
        }
        var view = _view!;
        if (!view.TryResolve(set, byUid, out var messages))
        {
            Tagged(tag, ImapReplies.BadSequence);
            return false;
        }

        // RFC 3501 §6.4.5: BODY[...] (not BODY.PEEK), RFC822 and RFC822.TEXT set \Seen.
        var seen = new HashSet<long>();
        if (!view.ReadOnly && items.Exists(i => i.SetsSeen))
        {
            var unread = messages.Where(m => !m.Slot.Gone && !m.Slot.Entry.IsRead).Select(m => m.Slot).ToList();
            await _store.SetReadAsync([.. unread.Select(s => s.Uid)], true, cancellationToken);
            foreach (var slot in unread)
            {
                slot.Entry = slot.Entry with { IsRead = true };
                seen.Add(slot.Uid);
            }
        }
        var needsContent = items.Exists(i => i.NeedsContent);
        var missing = false;
        foreach (var (seq, slot) in messages)
        {
            ImapMimeMessage? mime = null;
            if (slot.Gone || (needsContent && (mime = await LoadAsync(slot.Uid, cancellationToken)) is null))
            {
                // RFC 2180 §4.1: a message expunged elsewhere is not served; the client hears of it later.
                missing = true;
                continue;
            }
            WriteFetch(seq, slot, items, mime, seen.Contains(slot.Uid));
            await _output.FlushAsync(cancellationToken);
        }
        await SyncAsync(allowExpunge: byUid, cancellationToken);
        Tagged(tag, missing ? ImapReplies.Missing : ImapReplies.Completed(name));
        return false;
    }

    private void WriteFetch(int seq, ImapMailboxView.Slot slot, List<ImapFetchItem> items, ImapMimeMessage? mime, bool justSeen)
    {
        var output = _output;
        Transcript.Out($"* {seq} FETCH (…)");
        W.Ascii(output, $"* {seq} FETCH (");
        var first = true;
        void Next(string label)
        {
            W.Ascii(output, first ? label : " " + label);
            first = false;
        }
        var wroteFlags = false;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case ImapFetchKind.Uid:
                    Next(string.Create(CultureInfo.InvariantCulture, $"UID {slot.Uid}"));
                    break;
                case ImapFetchKind.Flags:
                    Next(FlagsText(slot));
                    wroteFlags = true;
                    break;
                case ImapFetchKind.InternalDate:
                    Next($"INTERNALDATE \"{InternalDate(slot.Entry.ReceivedAt)}\"");
                    break;
                case ImapFetchKind.Rfc822Size:
                    Next(string.Create(CultureInfo.InvariantCulture, $"RFC822.SIZE {mime?.Raw.Length ?? slot.Entry.Size}"));
                    break;
                case ImapFetchKind.Envelope:
                    Next("ENVELOPE ");
                    ImapBodyStructure.WriteEnvelope(output, mime!.Message);
                    break;
                case ImapFetchKind.Body:
                    Next("BODY ");
                    ImapBodyStructure.Write(output, mime!, extensible: false);
                    break;
                case ImapFetchKind.BodyStructure:
                    Next("BODYSTRUCTURE ");
                    ImapBodyStructure.Write(output, mime!, extensible: true);
                    break;
                case ImapFetchKind.Rfc822:
                    Next("RFC822 ");
                    W.Literal(output, mime!.Raw);
                    break;
                case ImapFetchKind.Rfc822Header:
                    Next("RFC822.HEADER ");
                    W.Literal(output, mime!.Section([], ImapSectionText.Header, null).Span);
                    break;
                case ImapFetchKind.Rfc822Text:
                    Next("RFC822.TEXT ");
                    W.Literal(output, mime!.Section([], ImapSectionText.Text, null).Span);
                    break;
                case ImapFetchKind.Section:
                    var content = mime!.Section(item.Part ?? [], item.Text, item.Fields).Span;
                    if (item.Start is { } start)
                    {
                        // RFC 3501 §6.4.5 partial: octets from start, at most length; the response names the origin only.
                        var from = (int)Math.Min(start, content.Length);
                        var count = (int)Math.Min(item.Length!.Value, content.Length - from);
                        Next(string.Create(CultureInfo.InvariantCulture, $"BODY[{item.SectionSpec}]<{start}> "));
                        W.Literal(output, content.Slice(from, count));
                    }
                    else
                    {
                        Next($"BODY[{item.SectionSpec}] ");
                        W.Literal(output, content);
                    }
                    break;
            }
        }
        if (justSeen && !wroteFlags)
        {
            // RFC 3501 §6.4.5: the implicit \Seen is reported with the data that set it.
            Next(FlagsText(slot));
        }
        W.Ascii(output, ")\r\n");
    }

    private string FlagsText(ImapMailboxView.Slot slot)
    {
        var flags = FlagsOf(slot.Entry);
        slot.Reported = flags;
        return $"FLAGS ({string.Join(' ', flags)})";
    }

    /// <summary>RFC 3501 §9 date-time: DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE.</summary>
    public static string InternalDate(DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{utc.Day,2}-{utc.ToString("MMM", CultureInfo.InvariantCulture)}-{utc:yyyy HH:mm:ss} +0000");

    /// <summary>The last message loaded: clients fetch one message's parts in a row, and each fetch would otherwise re-read and re-parse it.</summary>
    private (long Uid, ImapMimeMessage Message)? _lastLoaded;

    private async Task<ImapMimeMessage?> LoadAsync(long uid, CancellationToken cancellationToken)
    {
        if (_lastLoaded is { } last && last.Uid == uid)
        {
            return last.Message;
        }
        var loaded = await ReadAsync(uid, cancellationToken);
        _lastLoaded = loaded is null ? null : (uid, loaded);
        return loaded;
    }

    private async Task<ImapMimeMessage?> ReadAsync(long uid, CancellationToken cancellationToken)
    {
        await using var raw = await _store.OpenRawAsync(uid, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        using var bytes = new MemoryStream();
        await raw.CopyToAsync(bytes, cancellationToken);
        return ImapMimeMessage.Parse(bytes.ToArray());
    }

    private static ImapSequenceSet ParseSet(ImapArgumentReader reader) =>
        ImapSequenceSet.TryParse(reader.ReadToken(), out var set) ? set : throw new ImapSyntaxException("Invalid sequence set");

    private static MailboxEntry Read(MailboxEntry entry, bool isRead) => entry with { IsRead = isRead };
}
