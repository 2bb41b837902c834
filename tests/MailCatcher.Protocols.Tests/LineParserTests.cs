using System.Buffers;
using System.Text;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Tests;

public sealed class LineParserTests
{
    [Theory]
    [InlineData("EHLO x\r\nMAIL", "EHLO x", false, "MAIL")]
    [InlineData("EHLO x\nMAIL", "EHLO x", true, "MAIL")]
    [InlineData("\r\n", "", false, "")]
    [InlineData("\n", "", true, "")]
    public void Takes_one_line_and_reports_bare_LF(string input, string expectedLine, bool expectedBareLf, string expectedRest)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(input));

        Assert.True(LineParser.TryReadLine(ref buffer, out var line, out var bareLf));

        Assert.Equal(expectedLine, Encoding.ASCII.GetString(line));
        Assert.Equal(expectedBareLf, bareLf);
        Assert.Equal(expectedRest, Encoding.ASCII.GetString(buffer));
    }

    [Fact]
    public void Every_truncated_prefix_of_a_line_is_incomplete()
    {
        const string command = "MAIL FROM:<a@b.c>\r\n";
        for (var length = 0; length < command.Length; length++)
        {
            var prefix = command[..length];
            var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(prefix));

            Assert.False(LineParser.TryReadLine(ref buffer, out _, out _));
            Assert.Equal(prefix.Length, buffer.Length);
        }
    }
}
