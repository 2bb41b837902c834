using System.Buffers;
using MailCatcher.Protocols.Shared;
using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Fuzz.Targets;

/// <summary>SMTP command lines (RFC 5321 §4.1.1) and MAIL FROM / RCPT TO paths (§4.1.2): no exception is documented.</summary>
internal static class SmtpCommandTarget
{
    public static void Run(byte[] input)
    {
        var buffer = new ReadOnlySequence<byte>(input);
        while (LineParser.TryReadLine(ref buffer, out var line, out _))
        {
            var command = SmtpCommand.Parse(line);
            switch (command.Verb)
            {
                case SmtpVerb.Mail:
                    Check(SmtpPathParser.TryParseMailFrom(command.Arguments, out var from, out var fromError), from, fromError);
                    break;
                case SmtpVerb.Rcpt:
                    Check(SmtpPathParser.TryParseRcptTo(command.Arguments, out var to, out var toError), to, toError);
                    break;
            }
        }
    }

    private static void Check(bool parsed, SmtpPath? path, string? error)
    {
        if (parsed ? path is null : string.IsNullOrEmpty(error))
        {
            throw new InvariantException("a path parse must give either a path or an error text");
        }
    }
}
