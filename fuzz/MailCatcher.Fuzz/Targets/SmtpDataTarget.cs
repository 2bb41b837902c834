using System.Buffers;
using MailCatcher.Core.Content;
using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// The DATA decoder (RFC 5321 §4.5.2): the same bytes decoded in one piece and in chunks (as
/// TCP delivers them) must give the same message, the same end and the same leftover, and
/// never keep more than the size limit. The first input byte picks the chunk size, the limit
/// and the bare-LF mode.
/// </summary>
internal static class SmtpDataTarget
{
    public static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }
        var control = input[0];
        var data = input.AsMemory(1);
        var chunk = (control & 0x0F) + 1;
        var maxSize = (control & 0x30) == 0 ? 0 : 64L << ((control >> 4) & 0x03);
        var bareLf = (control & 0x80) != 0;

        var whole = Decode(data, data.Length, maxSize, bareLf);
        var pieces = Decode(data, chunk, maxSize, bareLf);
        // Over the limit the message is refused (552) and what was kept is dropped: only its size must agree.
        var keptAgrees = whole.Exceeded || whole.Kept.AsSpan().SequenceEqual(pieces.Kept);
        if (whole.Finished != pieces.Finished || !keptAgrees || whole.Exceeded != pieces.Exceeded || whole.Left != pieces.Left || whole.Size != pieces.Size)
        {
            throw new InvariantException($"chunked decoding differs: whole {whole.Finished}/{whole.Kept.Length}/{whole.Left}, chunks of {chunk} {pieces.Finished}/{pieces.Kept.Length}/{pieces.Left}");
        }
        if (maxSize > 0 && whole.Kept.Length > maxSize)
        {
            throw new InvariantException($"kept {whole.Kept.Length} bytes over a limit of {maxSize}");
        }
        if (whole.Kept.Length > whole.Size)
        {
            throw new InvariantException("kept more bytes than it counted");
        }
    }

    private sealed record Outcome(bool Finished, byte[] Kept, int Left, long Size, bool Exceeded);

    private static Outcome Decode(ReadOnlyMemory<byte> data, int chunk, long maxSize, bool bareLf)
    {
        var decoder = new SmtpDataDecoder(maxSize, 1000, bareLf);
        using var output = new SpooledContent();
        var pending = Array.Empty<byte>();
        var offset = 0;
        var finished = false;
        while (!finished)
        {
            var take = Math.Min(chunk, data.Length - offset);
            var bytes = new byte[pending.Length + take];
            pending.CopyTo(bytes, 0);
            data.Slice(offset, take).CopyTo(bytes.AsMemory(pending.Length));
            offset += take;
            var buffer = new ReadOnlySequence<byte>(bytes);
            finished = decoder.Decode(ref buffer, output);
            pending = buffer.ToArray();
            if (offset == data.Length)
            {
                break;
            }
        }
        // What follows the end of data (the next commands) is what was not consumed plus what was never fed.
        return new Outcome(finished, output.ToArray(), pending.Length + data.Length - offset, decoder.Size, decoder.SizeExceeded);
    }
}
