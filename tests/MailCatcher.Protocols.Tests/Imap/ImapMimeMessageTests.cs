using System.Text;
using MailCatcher.Core.Mailbox;
using MailCatcher.Protocols.Imap;

namespace MailCatcher.Protocols.Tests.Imap;

public sealed class ImapMimeMessageTests
{
    private const string Nested =
        "Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
        "preamble\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\nworld\r\n" +
        "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\nFrom: x@y.z\r\n\r\ninner body\r\n" +
        "--b--\r\nepilogue\r\n";

    private static ImapMimeMessage Parse(string raw) => ImapMimeMessage.Parse(Encoding.UTF8.GetBytes(raw));

    private static string Section(ImapMimeMessage message, int[] part, ImapSectionText text = ImapSectionText.None, string[]? fields = null) =>
        Encoding.UTF8.GetString(message.Section(part, text, fields).Span);

    [Fact]
    public void Rfc3501_section6_4_5_sections_of_a_nested_message_are_its_exact_octets()
    {
        var message = Parse(Nested);
        Assert.Equal(Nested, Section(message, []));
        Assert.Equal("Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n", Section(message, [], ImapSectionText.Header));
        Assert.Equal(Nested, Section(message, [], ImapSectionText.Header) + Section(message, [], ImapSectionText.Text));
        Assert.Equal("hello\r\nworld", Section(message, [1]));
        Assert.Equal("Content-Type: text/plain; charset=utf-8\r\n\r\n", Section(message, [1], ImapSectionText.Mime));
        Assert.Equal("Subject: inner\r\nFrom: x@y.z\r\n\r\ninner body", Section(message, [2]));
        Assert.Equal("Subject: inner\r\nFrom: x@y.z\r\n\r\n", Section(message, [2], ImapSectionText.Header));
        Assert.Equal("inner body", Section(message, [2], ImapSectionText.Text));
        Assert.Equal("inner body", Section(message, [2, 1]));
        Assert.Equal("From: x@y.z\r\n\r\n", Section(message, [2], ImapSectionText.HeaderFields, ["FROM"]));
        Assert.Equal("", Section(message, [3]));
        Assert.Equal("", Section(message, [1, 1, 1]));
    }

    [Fact]
    public void Rfc3501_section6_4_5_part_1_of_a_single_part_message_is_its_body()
    {
        var message = Parse("Subject: s\r\n\r\nbody\r\n");
        Assert.Equal("body\r\n", Section(message, [1]));
        Assert.Equal("", Section(message, [2]));
    }

    [Fact]
    public void Rfc3501_section6_4_5_header_fields_not_keeps_folded_lines_whole()
    {
        var header = "Subject: a\r\n b\r\nX-Keep: 1\r\nTo: t\r\n\r\n"u8;
        Assert.Equal("X-Keep: 1\r\n\r\n", Encoding.ASCII.GetString(ImapMimeMessage.FilterHeader(header, ["SUBJECT", "TO"], keep: false)));
        Assert.Equal("Subject: a\r\n b\r\n\r\n", Encoding.ASCII.GetString(ImapMimeMessage.FilterHeader(header, ["subject"], keep: true)));
    }

    [Fact]
    public void Rfc3501_section7_4_2_bodystructure_of_a_nested_message()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        ImapBodyStructure.Write(output, Parse(Nested), extensible: true);
        Assert.Equal(
            "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 12 2 NIL NIL NIL NIL)" +
            "(\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" 41 (NIL \"inner\" ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"x\" \"y.z\")) NIL NIL NIL NIL NIL) " +
            "(\"text\" \"plain\" NIL NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL) 4 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Rfc3501_section7_4_2_envelope_uses_literals_for_8bit_and_crlf_and_quotes_for_the_rest()
    {
        var message = Parse("Subject: =?utf-8?q?caf=C3=A9?= \"q\"\r\nFrom: \"J\u00fcrgen\" <j@x.de>\r\nTo: Team: a@x.de, b@x.de;\r\n\r\nb\r\n");
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        ImapBodyStructure.WriteEnvelope(output, message.Message);
        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.StartsWith("(NIL \"=?utf-8?q?caf=C3=A9?= \\\"q\\\"\" ((\"=?utf-8?", text);
        Assert.Contains("((NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"x.de\")(NIL NIL \"b\" \"x.de\")(NIL NIL NIL NIL))", text);
    }

    [Fact]
    public void A_message_mimekit_cannot_parse_is_one_opaque_text_part()
    {
        const string raw = "no header here, just text\r\nsecond line\r\n";
        var message = Parse(raw);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        ImapBodyStructure.Write(output, message, extensible: false);
        var envelope = new System.Buffers.ArrayBufferWriter<byte>();
        ImapBodyStructure.WriteEnvelope(envelope, message.Message);
        Assert.Null(message.Message);
        Assert.Equal($"(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" {raw.Length} 2)", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", Encoding.UTF8.GetString(envelope.WrittenSpan));
        Assert.Equal(raw, Section(message, [1]));
        Assert.Equal("", Section(message, [], ImapSectionText.Header));
        Assert.Equal(raw, Section(message, []));
    }

    [Fact]
    public void Rfc3501_section7_4_1_view_reports_expunges_highest_first_then_flags_then_exists()
    {
        static MailboxEntry E(long id, bool read = false) => new(id, 10, DateTime.UtcNow, read, null, "", [], "");
        static IReadOnlyList<string> Flags(MailboxEntry e) => e.IsRead ? [@"\Seen"] : [];
        var view = new ImapMailboxView(1, readOnly: false);
        Assert.Equal(["* 3 EXISTS"], view.Update([E(5), E(6), E(7)], Flags, allowExpunge: true));

        Assert.Empty(view.Update([E(6)], Flags, allowExpunge: false)); // deferred during FETCH/STORE/SEARCH
        Assert.Equal(3, view.Count);
        Assert.Equal(["* 3 EXPUNGE", "* 1 EXPUNGE", @"* 1 FETCH (UID 6 FLAGS (\Seen))", "* 2 EXISTS"], view.Update([E(6, read: true), E(9)], Flags, allowExpunge: true));
        Assert.True(ImapSequenceSet.TryParse("2", out var two));
        Assert.True(view.TryResolve(two, byUid: false, out var bySeq));
        Assert.Equal(9, bySeq.Single().Slot.Uid);
        Assert.True(ImapSequenceSet.TryParse("3", out var three));
        Assert.False(view.TryResolve(three, byUid: false, out _));
        Assert.True(view.TryResolve(three, byUid: true, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void A_view_catches_up_from_read_states_and_added_messages_alone()
    {
        static MailboxEntry E(long id, string subject) => new(id, 10, DateTime.UtcNow, false, null, "", [], subject);
        static IReadOnlyList<string> Flags(MailboxEntry e) => e.IsRead ? [@"\Seen"] : [];
        var view = new ImapMailboxView(1, readOnly: false);
        view.Update([E(5, "five"), E(6, "six"), E(7, "seven")], Flags, allowExpunge: true);

        // 5 deleted elsewhere, 6 read elsewhere, 7 unchanged, 8 new; 4 is another recipient's (ignored).
        var changes = new MailboxChanges(new Dictionary<long, bool> { [4] = false, [6] = true, [7] = false }, [E(8, "eight")]);
        Assert.Equal(["* 1 EXPUNGE", @"* 1 FETCH (UID 6 FLAGS (\Seen))", "* 3 EXISTS"], view.Update(changes, Flags, allowExpunge: true));
        Assert.Equal([6L, 7L, 8L], view.Slots.Select(s => s.Uid));
        Assert.Equal("six", view.Slots[0].Entry.Subject); // an old message keeps what it was listed with
        Assert.True(view.Slots[0].Entry.IsRead);
        Assert.Equal(8, view.HighestUid);
    }
}
