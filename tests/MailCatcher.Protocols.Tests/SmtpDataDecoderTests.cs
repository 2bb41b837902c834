using System.Buffers;
using System.Text;
using MailCatcher.Core.Content;
using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Protocols.Tests;

/// <summary>RFC 5321 §4.1.1.4 and §4.5.2: end of data and transparency, however the input is split.</summary>
public sealed class SmtpDataDecoderTests
{
    private const string Wire = "Subject: t\r\n\r\n..dot\r\nbare\nline\r\n.\r\nNEXT";
    private const string Message = "Subject: t\r\n\r\n.dot\r\nbare\nline\r\n";

    [Fact]
    public void Decodes_in_one_piece()
    {
        var (content, decoder, rest, finished) = Decode([Wire]);

        Assert.True(finished);
        Assert.Equal(Message, content);
        Assert.Equal("NEXT", rest);
        Assert.Equal(1, decoder.BareLfLines);
    }

    [Fact]
    public void Decodes_the_same_at_every_split_point()
    {
        for (var split = 0; split <= Wire.Length; split++)
        {
            var (content, decoder, rest, finished) = Decode([Wire[..split], Wire[split..]]);

            Assert.True(finished, $"split at {split}");
            Assert.Equal(Message, content);
            Assert.Equal("NEXT", rest);
            Assert.Equal(1, decoder.BareLfLines);
        }
    }

    [Fact]
    public void Every_truncated_prefix_is_unfinished()
    {
        var end = Wire.IndexOf(".\r\nNEXT", StringComparison.Ordinal) + 3;
        for (var length = 0; length < end; length++)
        {
            var (_, _, _, finished) = Decode([Wire[..length]]);

            Assert.False(finished, $"prefix of {length}");
        }
    }

    [Theory]
    [InlineData(".\r\n", "")]
    [InlineData(".\n", "")]
    [InlineData("a\r\n.\n", "a\r\n")]
    [InlineData(".x\r\n.\r\n", "x\r\n")]
    public void End_marker_with_CRLF_or_bare_LF(string wire, string message)
    {
        var (content, _, _, finished) = Decode([wire]);

        Assert.True(finished);
        Assert.Equal(message, content);
    }

    [Theory]
    [InlineData("a\n.\nb\r\n.\r\n", "a\n.\nb\r\n", 1)]
    [InlineData("a\n..\n.x\r\n.\r\n", "a\n..\n.x\r\n", 0)]
    [InlineData("a\n.\r\n.\r\n", "a\n.\r\n", 1)]
    [InlineData("a\r\n..\n.\n\r\n.\r\n", "a\r\n.\n.\n\r\n", 1)]
    public void Rfc5321_4_1_1_4_LF_dot_LF_is_content_not_the_end(string wire, string message, int dotLines)
    {
        for (var split = 0; split <= wire.Length; split++)
        {
            var (content, decoder, rest, finished) = Decode([wire[..split], wire[split..]]);

            Assert.True(finished, $"split at {split}");
            Assert.Equal(message, content);
            Assert.Equal("", rest);
            Assert.Equal(dotLines, decoder.BareLfDotLines);
        }
    }

    [Fact]
    public void Rfc5321_4_1_1_4_LF_dot_LF_is_not_even_a_pending_end()
    {
        var (_, _, _, finished) = Decode(["Subject: x\n\nbody\n.\n"]);

        Assert.False(finished);
    }

    [Theory]
    [InlineData("a\n.\n", "a\n")]
    [InlineData("a\n..b\n.\n", "a\n.b\n")]
    public void A_client_that_ends_every_line_with_LF_ends_the_data_with_LF_dot_LF(string wire, string message)
    {
        var (content, _, _, finished) = Decode([wire], bareLfEndsLines: true);

        Assert.True(finished);
        Assert.Equal(message, content);
    }

    [Fact]
    public void Content_over_the_size_limit_is_counted_but_not_kept()
    {
        var output = new SpooledContent();
        var decoder = new SmtpDataDecoder(maxSize: 10, maxLineLength: 1000);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("0123456789\r\nmore\r\n.\r\n"));

        Assert.True(decoder.Decode(ref buffer, output));

        Assert.True(decoder.SizeExceeded);
        Assert.Equal(18, decoder.Size);
        Assert.True(output.Length <= 10);
    }

    [Fact]
    public void Long_lines_are_counted_and_over_the_configured_limit_refused()
    {
        var decoder = new SmtpDataDecoder(maxSize: 0, maxLineLength: 1200);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(new string('a', 1100) + "\r\n" + new string('b', 1300) + "\r\n.\r\n"));

        Assert.True(decoder.Decode(ref buffer, new SpooledContent()));

        Assert.Equal(2, decoder.LongLines);
        Assert.Equal(1300, decoder.LongestLine);
        Assert.True(decoder.LineLimitExceeded);
    }

    private static (string Content, SmtpDataDecoder Decoder, string Remaining, bool Finished) Decode(string[] pieces, bool bareLfEndsLines = false)
    {
        var output = new SpooledContent();
        var decoder = new SmtpDataDecoder(maxSize: 0, maxLineLength: 100_000, bareLfEndsLines);
        var pending = Array.Empty<byte>();
        var finished = false;
        foreach (var piece in pieces)
        {
            pending = [.. pending, .. Encoding.ASCII.GetBytes(piece)];
            if (finished)
            {
                continue; // what follows the end marker is the next command, not content
            }
            var buffer = new ReadOnlySequence<byte>(pending);
            finished = decoder.Decode(ref buffer, output);
            pending = buffer.ToArray();
        }
        return (Encoding.ASCII.GetString(output.ToArray()), decoder, Encoding.ASCII.GetString(pending), finished);
    }
}
