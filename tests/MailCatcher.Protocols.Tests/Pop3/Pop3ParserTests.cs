using System.Buffers;
using System.Text;
using MailCatcher.Protocols.Pop3;

namespace MailCatcher.Protocols.Tests.Pop3;

public sealed class Pop3ParserTests
{
    [Theory]
    [InlineData("STAT", Pop3Verb.Stat, 0)]
    [InlineData("stat", Pop3Verb.Stat, 0)]
    [InlineData("RETR 1", Pop3Verb.Retr, 1)]
    [InlineData("TOP 1  10", Pop3Verb.Top, 2)]
    [InlineData("APOP mrose c4c9334bac560ecc979e58001b3e22fb", Pop3Verb.Apop, 2)]
    [InlineData("XTND", Pop3Verb.Unknown, 0)]
    [InlineData("", Pop3Verb.Unknown, 0)]
    public void Rfc1939_section3_keyword_is_case_insensitive_and_arguments_split_on_spaces(string line, Pop3Verb verb, int arguments)
    {
        var command = Pop3Command.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(line)));
        Assert.Equal(verb, command.Verb);
        Assert.Equal(arguments, command.Arguments.Count);
    }

    [Fact]
    public void Rfc1939_section7_pass_keeps_spaces_in_the_password()
    {
        Assert.Equal("two  words ", Pop3Command.Parse("PASS two  words ").RawArguments);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("+1", false)]
    [InlineData("1.5", false)]
    [InlineData("99999999999", false)]
    public void Rfc1939_section5_message_numbers_are_positive_decimals(string text, bool valid)
    {
        Assert.Equal(valid, Pop3Command.TryParseNumber(text, out _));
    }

    [Theory]
    [InlineData(Pop3Verb.Stat, Pop3State.Authorization, false)]
    [InlineData(Pop3Verb.Pass, Pop3State.Authorization, false)]
    [InlineData(Pop3Verb.Pass, Pop3State.HaveUser, true)]
    [InlineData(Pop3Verb.User, Pop3State.Transaction, false)]
    [InlineData(Pop3Verb.Quit, Pop3State.Authorization, true)]
    [InlineData(Pop3Verb.Capa, Pop3State.Transaction, true)]
    [InlineData(Pop3Verb.Unknown, Pop3State.Transaction, false)]
    public void Rfc1939_state_table(Pop3Verb verb, Pop3State state, bool allowed)
    {
        Assert.Equal(allowed, Pop3StateTable.IsAllowed(verb, state, out _));
    }

    private static string Encode(string message, int? lines = null, int chunk = int.MaxValue)
    {
        var output = new ArrayBufferWriter<byte>();
        var encoder = new Pop3ContentEncoder(lines);
        var bytes = Encoding.ASCII.GetBytes(message);
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            if (!encoder.Write(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)), output))
            {
                break;
            }
        }
        encoder.Finish(output);
        return Encoding.ASCII.GetString(output.WrittenSpan);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(3)]
    public void Rfc1939_section3_lines_starting_with_a_dot_are_stuffed_in_any_chunking(int chunk)
    {
        Assert.Equal("S: x\r\n\r\n..a\r\nb.\r\n...\r\n.\r\n", Encode("S: x\r\n\r\n.a\r\nb.\r\n..\r\n", chunk: chunk));
    }

    [Fact]
    public void Rfc1939_section3_a_message_without_a_final_crlf_gets_one_before_the_terminator()
    {
        Assert.Equal("S: x\r\n\r\nbody\r\n.\r\n", Encode("S: x\r\n\r\nbody"));
    }

    [Theory]
    [InlineData(0, "A: 1\r\nB: 2\r\n\r\n.\r\n")]
    [InlineData(1, "A: 1\r\nB: 2\r\n\r\nl1\r\n.\r\n")]
    [InlineData(5, "A: 1\r\nB: 2\r\n\r\nl1\r\n..l2\r\nl3\r\n.\r\n")]
    public void Rfc1939_section7_top_sends_the_header_the_blank_line_and_n_body_lines(int lines, string expected)
    {
        Assert.Equal(expected, Encode("A: 1\r\nB: 2\r\n\r\nl1\r\n.l2\r\nl3\r\n", lines, chunk: 2));
    }
}
