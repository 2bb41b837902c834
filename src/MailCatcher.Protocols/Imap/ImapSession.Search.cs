using System.Globalization;
using System.Text;
using MailCatcher.Core.Mailbox;

namespace MailCatcher.Protocols.Imap;

/// <summary>SEARCH and UID SEARCH (RFC 3501 §6.4.4, §6.4.8).</summary>
public sealed partial class ImapSession
{
    private async Task<bool> SearchAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        var byUid = name.StartsWith("UID", StringComparison.Ordinal);
        reader.Space();
        var key = ImapSearchParser.Parse(reader);
        var view = _view!;
        var largestUid = view.Count == 0 ? 0 : view.Slots[^1].Uid;
        var found = new List<long>();
        for (var i = 0; i < view.Count; i++)
        {
            var slot = view.Slots[i];
            if (slot.Gone)
            {
                continue;
            }
            var content = key.NeedsContent ? await LoadAsync(slot.Uid, cancellationToken) : null;
            var context = new SearchContext(i + 1, view.Count, largestUid, slot.Entry, FlagsOf(slot.Entry), content);
            if (Matches(key, context))
            {
                found.Add(byUid ? slot.Uid : i + 1);
            }
        }
        Line(found.Count == 0 ? "* SEARCH" : "* SEARCH " + string.Join(' ', found.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        await SyncAsync(allowExpunge: byUid, cancellationToken);
        Tagged(tag, ImapReplies.Completed(name));
        return false;
    }

    private sealed record SearchContext(int Seq, int Count, long LargestUid, MailboxEntry Entry, IReadOnlyList<string> Flags, ImapMimeMessage? Content)
    {
        private string? _text;

        /// <summary>Headers and body as text: the raw message, plus the decoded text and HTML bodies.</summary>
        public string Text => _text ??= Content is null
            ? ""
            : Encoding.UTF8.GetString(Content.Raw) + "\n" + Content.Message?.TextBody + "\n" + Content.Message?.HtmlBody;

        public string Body => Content?.Message is { } message
            ? message.TextBody + "\n" + message.HtmlBody
            : Content is null ? "" : Encoding.UTF8.GetString(Content.Raw);
    }

    /// <summary>RFC 3501 §6.4.4: substring matches are case-insensitive; dates compare on the day only, in UTC.</summary>
    private static bool Matches(ImapSearchKey key, SearchContext m)
    {
        var received = DateOnly.FromDateTime(m.Entry.ReceivedAt);
        var sent = m.Entry.Date is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        return key.Op switch
        {
            ImapSearchOp.All => true,
            ImapSearchOp.And => key.Children!.All(c => Matches(c, m)),
            ImapSearchOp.Or => key.Children!.Any(c => Matches(c, m)),
            ImapSearchOp.Not => !Matches(key.Children![0], m),
            ImapSearchOp.SequenceSet => key.Set!.Contains(m.Seq, m.Count),
            ImapSearchOp.Uid => key.Set!.Contains(m.Entry.Id, m.LargestUid),
            ImapSearchOp.Flag or ImapSearchOp.Keyword => m.Flags.Contains(key.Text!, StringComparer.OrdinalIgnoreCase),
            ImapSearchOp.NotFlag or ImapSearchOp.NotKeyword => !m.Flags.Contains(key.Text!, StringComparer.OrdinalIgnoreCase),
            ImapSearchOp.New or ImapSearchOp.Recent => false, // nothing is \Recent: no session "first sees" mail here
            ImapSearchOp.Old => true,
            ImapSearchOp.From => Has(m.Entry.From, key.Text),
            ImapSearchOp.To or ImapSearchOp.Cc => m.Entry.Recipients.Any(r => Has(r, key.Text)),
            ImapSearchOp.Bcc => Has(m.Content?.Message?.Bcc.ToString() ?? "", key.Text),
            ImapSearchOp.Subject => Has(m.Entry.Subject, key.Text),
            ImapSearchOp.Header => m.Content?.Message?.Headers.Where(h => h.Field.Equals(key.Field, StringComparison.OrdinalIgnoreCase)).Any(h => Has(h.Value, key.Text)) ?? false,
            ImapSearchOp.BodyText => Has(m.Body, key.Text),
            ImapSearchOp.Text => Has(m.Text, key.Text),
            ImapSearchOp.Before => received < key.Date,
            ImapSearchOp.On => received == key.Date,
            ImapSearchOp.Since => received >= key.Date,
            ImapSearchOp.SentBefore => sent < key.Date,
            ImapSearchOp.SentOn => sent == key.Date,
            ImapSearchOp.SentSince => sent >= key.Date,
            ImapSearchOp.Larger => m.Entry.Size > key.Number,
            ImapSearchOp.Smaller => m.Entry.Size < key.Number,
            _ => false,
        };
    }

    private static bool Has(string? value, string? text) => (value ?? "").Contains(text ?? "", StringComparison.OrdinalIgnoreCase);
}
