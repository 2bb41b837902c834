using System.Text;
using MailCatcher.Protocols.Imap;

namespace MailCatcher.Protocols.Tests.Imap;

public sealed class ImapParserTests
{
    private static ImapArgumentReader Reader(string text) => new(Encoding.UTF8.GetBytes(text + "\r\n"));

    [Theory]
    [InlineData("1", 1, 3, true)]
    [InlineData("2:4", 3, 5, true)]
    [InlineData("4:2", 3, 5, true)]
    [InlineData("1,3:*", 5, 5, true)]
    [InlineData("*", 5, 5, true)]
    [InlineData("*:3", 4, 5, true)]
    [InlineData("7:*", 5, 5, true)]
    [InlineData("1,3", 2, 5, false)]
    public void Rfc3501_section9_sequence_sets(string text, long value, long largest, bool contained)
    {
        Assert.True(ImapSequenceSet.TryParse(text, out var set));
        Assert.Equal(contained, set.Contains(value, largest));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("1,,2")]
    [InlineData("01")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("1:2:3")]
    public void Rfc3501_section9_malformed_sequence_sets_are_rejected(string text)
    {
        Assert.False(ImapSequenceSet.TryParse(text, out _));
    }

    [Fact]
    public void Rfc3501_section9_astrings_are_atoms_quoted_strings_or_literals()
    {
        var reader = Reader("atom \"quo\\\"ted\\\\\" {5}\r\nlit\r\n");
        Assert.Equal("atom", reader.ReadAString());
        reader.Space();
        Assert.Equal("quo\"ted\\", reader.ReadAString());
        reader.Space();
        Assert.Equal("lit\r\n", reader.ReadAString());
        reader.ExpectEnd();
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("\"bad \\escape\"")]
    [InlineData("(paren")]
    public void Rfc3501_section9_bad_strings_throw_syntax_errors(string text)
    {
        Assert.Throws<ImapSyntaxException>(() => Reader(text).ReadAString());
    }

    [Fact]
    public void Rfc3501_section6_4_5_fetch_macros_and_sections()
    {
        var items = ImapFetchParser.Parse(Reader("(UID FAST BODY.PEEK[1.2.HEADER.FIELDS (From \"To\")]<10.20> BODY[2.MIME] BODY BODYSTRUCTURE BODY[])"));
        Assert.Equal(
            [ImapFetchKind.Uid, ImapFetchKind.Flags, ImapFetchKind.InternalDate, ImapFetchKind.Rfc822Size, ImapFetchKind.Section, ImapFetchKind.Section, ImapFetchKind.Body, ImapFetchKind.BodyStructure, ImapFetchKind.Section],
            items.Select(i => i.Kind));
        var peek = items[4];
        Assert.True(peek.Peek);
        Assert.False(peek.SetsSeen);
        Assert.Equal([1, 2], peek.Part);
        Assert.Equal("1.2.HEADER.FIELDS (FROM TO)", peek.SectionSpec);
        Assert.Equal((10L, 20L), (peek.Start!.Value, peek.Length!.Value));
        Assert.Equal("2.MIME", items[5].SectionSpec);
        Assert.True(items[5].SetsSeen);
        Assert.Equal("", items[8].SectionSpec);
    }

    [Theory]
    [InlineData("BODY[MIME]")]
    [InlineData("BODY[1.FOO]")]
    [InlineData("BODY[0]")]
    [InlineData("BODY[]<5.0>")]
    [InlineData("BODY[]<5>")]
    [InlineData("(FLAGS")]
    [InlineData("RFC822.BOGUS")]
    public void Rfc3501_section9_bad_fetch_attributes_throw_syntax_errors(string text)
    {
        Assert.Throws<ImapSyntaxException>(() => ImapFetchParser.Parse(Reader(text)));
    }

    [Fact]
    public void Rfc3501_section6_4_4_search_keys_combine()
    {
        var key = ImapSearchParser.Parse(Reader("CHARSET UTF-8 OR SEEN (FROM alice SUBJECT \"two words\") NOT UID 5:* 1:3 SINCE 1-Feb-2024"));
        Assert.Equal(ImapSearchOp.And, key.Op);
        Assert.Equal([ImapSearchOp.Or, ImapSearchOp.Not, ImapSearchOp.SequenceSet, ImapSearchOp.Since], key.Children!.Select(c => c.Op));
        Assert.Equal(ImapSearchOp.Flag, key.Children![0].Children![0].Op);
        Assert.Equal("two words", key.Children[0].Children![1].Children![1].Text);
        Assert.Equal(new DateOnly(2024, 2, 1), key.Children[3].Date);
        Assert.False(key.NeedsContent);
        Assert.True(ImapSearchParser.Parse(Reader("BODY x")).NeedsContent);
    }

    [Theory]
    [InlineData("UNKNOWNKEY")]
    [InlineData("SINCE 2024-02-01")]
    [InlineData("OR SEEN")]
    [InlineData("(SEEN")]
    [InlineData("LARGER x")]
    public void Rfc3501_section6_4_4_bad_search_keys_throw_syntax_errors(string text)
    {
        Assert.Throws<ImapSyntaxException>(() => ImapSearchParser.Parse(Reader(text)));
    }

    [Fact]
    public void Rfc3501_section6_4_4_unknown_charsets_are_reported()
    {
        Assert.Throws<ImapSearchCharsetException>(() => ImapSearchParser.Parse(Reader("CHARSET KOI8-R ALL")));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("%", true)]
    [InlineData("inbox", true)]
    [InlineData("IN*", true)]
    [InlineData("I%X", true)]
    [InlineData("Trash", false)]
    [InlineData("INBOX/*", false)]
    public void Rfc3501_section6_3_8_list_patterns(string pattern, bool matches)
    {
        Assert.Equal(matches, ImapSession.MatchesPattern("INBOX", pattern));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\"")]
    [InlineData("caf\u00e9", "{5}\r\ncaf\u00e9")]
    [InlineData("two\r\nlines", "{10}\r\ntwo\r\nlines")]
    public void Rfc3501_section4_3_strings_are_quoted_when_exact_and_literal_otherwise(string value, string wire)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        ImapWriter.Text(output, value);
        Assert.Equal(wire, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Rfc3501_section9_internaldate_pads_the_day_with_a_space()
    {
        Assert.Equal(" 7-Mar-2024 09:05:01 +0000", ImapSession.InternalDate(new DateTime(2024, 3, 7, 9, 5, 1, DateTimeKind.Utc)));
    }
}
