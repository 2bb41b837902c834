using System.Buffers;
using MailCatcher.Protocols.Imap;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// IMAP command framing with literals (RFC 3501 §4.3, RFC 7888): every call either waits or
/// takes bytes off the front, a framed command is exactly the bytes taken, and its tag is what
/// <see cref="ImapCommandFramer.TagOf(in ReadOnlySequence{byte})"/> reads. No exception is documented.
/// </summary>
internal static class ImapFramerTarget
{
    public static void Run(byte[] input)
    {
        var buffer = new ReadOnlySequence<byte>(input);
        var acknowledged = 0;
        while (!buffer.IsEmpty)
        {
            var before = buffer;
            var frame = ImapCommandFramer.TryFrame(ref buffer, acknowledged, maxLineLength: 200, maxLiteral: 4096);
            var taken = before.Length - buffer.Length;
            switch (frame.Kind)
            {
                case ImapFrameKind.NeedMore:
                    return;
                case ImapFrameKind.NeedContinuation:
                    if (taken != 0)
                    {
                        throw new InvariantException("a continuation request must not consume input");
                    }
                    acknowledged++;
                    if (acknowledged > input.Length)
                    {
                        throw new InvariantException("more continuations than input bytes");
                    }
                    continue;
                case ImapFrameKind.Command:
                    if (frame.Command is null || frame.Command.Length != taken || !before.Slice(0, taken).ToArray().AsSpan().SequenceEqual(frame.Command))
                    {
                        throw new InvariantException("a framed command must be exactly the bytes taken");
                    }
                    break;
            }
            if (taken <= 0 && !(frame.Kind == ImapFrameKind.LineTooLong && frame.Unterminated))
            {
                throw new InvariantException($"{frame.Kind} took no input");
            }
            acknowledged = 0;
        }
    }
}
