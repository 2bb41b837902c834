using System.Buffers;
using System.Text;
using MailCatcher.Protocols.Imap;

namespace MailCatcher.Protocols.Tests.Imap;

public sealed class ImapFramerTests
{
    private static ImapFrame Frame(string input, int acknowledged = 0, int maxLine = 1000, long maxLiteral = 100)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(input));
        return ImapCommandFramer.TryFrame(ref buffer, acknowledged, maxLine, maxLiteral);
    }

    public static TheoryData<string> Commands => new()
    {
        "a NOOP\r\n",
        "a LOGIN {4}\r\nuser {4}\r\npass\r\n",
        "a LOGIN {4+}\r\nuser \"pa ss\"\r\n",
        "a SEARCH SUBJECT {3}\r\n\r\n}\r\n",
    };

    /// <summary>RFC 3501 §4.3, §7.5: every truncated prefix of a command is incomplete; the whole is one command.</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void Rfc3501_section4_3_every_truncated_prefix_is_incomplete_and_the_whole_is_one_command(string command)
    {
        for (var length = 0; length < command.Length; length++)
        {
            var frame = Frame(command[..length], acknowledged: 9);
            Assert.Equal(ImapFrameKind.NeedMore, frame.Kind);
        }
        var whole = Frame(command + "b NOOP\r\n");
        Assert.Equal(ImapFrameKind.Command, whole.Kind);
        Assert.Equal(command, Encoding.ASCII.GetString(whole.Command!));
        Assert.Equal("a", whole.Tag);
    }

    [Fact]
    public void Rfc3501_section7_5_a_synchronizing_literal_asks_for_continuation_once()
    {
        Assert.Equal(ImapFrameKind.NeedContinuation, Frame("a LOGIN {4}\r\n").Kind);
        Assert.Equal(ImapFrameKind.NeedMore, Frame("a LOGIN {4}\r\nus", acknowledged: 1).Kind);
        Assert.Equal(ImapFrameKind.NeedContinuation, Frame("a LOGIN {4}\r\nuser {4}\r\n", acknowledged: 1).Kind);
    }

    [Fact]
    public void Rfc7888_a_non_synchronizing_literal_needs_no_continuation()
    {
        Assert.Equal(ImapFrameKind.NeedMore, Frame("a LOGIN {4+}\r\n").Kind);
    }

    [Theory]
    [InlineData("a LOGIN {101}\r\n", false)]
    [InlineData("a LOGIN {101+}\r\n", true)]
    [InlineData("a LOGIN {99999999999999999}\r\n", false)]
    public void Literals_over_the_limit_are_refused(string input, bool nonSynchronizing)
    {
        var frame = Frame(input);
        Assert.Equal(ImapFrameKind.LiteralTooLarge, frame.Kind);
        Assert.Equal(nonSynchronizing, frame.NonSynchronizing);
        Assert.Equal("a", frame.Tag);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_even_before_it_ends()
    {
        var frame = Frame("t NOOP " + new string('x', 2000));
        Assert.Equal(ImapFrameKind.LineTooLong, frame.Kind);
        Assert.True(frame.Unterminated);
        Assert.Equal("t", frame.Tag);
        var ended = Frame("t NOOP " + new string('x', 2000) + "\r\n");
        Assert.Equal(ImapFrameKind.LineTooLong, ended.Kind);
        Assert.False(ended.Unterminated);
    }

    [Theory]
    [InlineData("{5}", true, 5, false)]
    [InlineData("{0+}\r\n", true, 0, true)]
    [InlineData("{}", false, 0, false)]
    [InlineData("{+}", false, 0, false)]
    [InlineData("{5", false, 0, false)]
    [InlineData("5}", false, 0, false)]
    [InlineData("{a}", false, 0, false)]
    public void Rfc3501_section4_3_literal_marker_at_end_of_line(string line, bool found, long size, bool nonSync)
    {
        Assert.Equal(found, ImapCommandFramer.TryLiteralAtEnd(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("a X " + line)), out var actual, out var actualNonSync));
        Assert.Equal(size, actual);
        Assert.Equal(nonSync, actualNonSync);
    }
}
