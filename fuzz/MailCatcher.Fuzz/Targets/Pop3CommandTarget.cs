using System.Buffers;
using MailCatcher.Protocols.Pop3;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Fuzz.Targets;

/// <summary>POP3 command lines (RFC 1939 §3) and message-number arguments: no exception is documented.</summary>
internal static class Pop3CommandTarget
{
    public static void Run(byte[] input)
    {
        var buffer = new ReadOnlySequence<byte>(input);
        while (LineParser.TryReadLine(ref buffer, out var line, out _))
        {
            var command = Pop3Command.Parse(line);
            foreach (var argument in command.Arguments)
            {
                if (argument.Length == 0)
                {
                    throw new InvariantException("an empty POP3 argument");
                }
                if (Pop3Command.TryParseNumber(argument, out var number) && number <= 0)
                {
                    throw new InvariantException("a message number must be positive");
                }
            }
        }
    }
}
