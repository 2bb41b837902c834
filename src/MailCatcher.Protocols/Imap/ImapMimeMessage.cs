using MailCatcher.Core.Mime;
using MimeKit;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// A stored message as IMAP sees it: the exact raw bytes, the MimeKit tree, and where each
/// entity's header and content lie in the raw bytes, so that every BODY[section] is served from
/// the original octets (RFC 3501 §6.4.5). A message MimeKit cannot parse is served as one opaque
/// text/plain body with an empty header.
/// </summary>
public sealed partial class ImapMimeMessage
{
    private readonly Dictionary<MimeEntity, Range> _entities = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MimeMessage, Range> _messages = new(ReferenceEqualityComparer.Instance);

    private ImapMimeMessage(byte[] raw) => Raw = raw;

    /// <summary>Where something lies: its header from <see cref="Begin"/>, its content from <see cref="ContentStart"/> up to <see cref="End"/>.</summary>
    public readonly record struct Range(long Begin, long ContentStart, long End);

    public byte[] Raw { get; }

    /// <summary>The parsed message; null when MimeKit could not parse it.</summary>
    public MimeMessage? Message { get; private set; }

    public static ImapMimeMessage Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var result = new ImapMimeMessage(raw);
        try
        {
            using var stream = new PartLimitedStream(new MemoryStream(raw, writable: false));
            var parser = new MimeParser(stream, MimeFormat.Entity);
            parser.MimeEntityEnd += (_, e) => result._entities[e.Entity] = new Range(e.BeginOffset, e.HeadersEndOffset, e.EndOffset);
            parser.MimeMessageEnd += (_, e) => result._messages[e.Message] = new Range(e.BeginOffset, e.HeadersEndOffset, e.EndOffset);
            result.Message = parser.ParseMessage();
        }
        catch (FormatException)
        {
            result.Message = null;
        }
        return result;
    }

    /// <summary>
    /// The top-level message's header and text; an unparseable message is all text. The top
    /// level always spans every octet: whatever MimeKit skips before the header (a byte-order
    /// mark) belongs to the header, so BODY[] is the raw message and HEADER + TEXT add up to it.
    /// </summary>
    public Range Top => Message is not null && _messages.TryGetValue(Message, out var range)
        ? new Range(0, range.ContentStart, Raw.Length)
        : new Range(0, 0, Raw.Length);

    public Range? RangeOf(MimeEntity entity) => _entities.TryGetValue(entity, out var range) ? range : null;

    public Range? RangeOf(MimeMessage message) => _messages.TryGetValue(message, out var range) ? range : null;

    /// <summary>The octets of a content range, bounded to the raw message.</summary>
    public ReadOnlyMemory<byte> Slice(long start, long end)
    {
        start = Math.Clamp(start, 0, Raw.Length);
        end = Math.Clamp(end, start, Raw.Length);
        return Raw.AsMemory((int)start, (int)(end - start));
    }

    /// <summary>RFC 3501 §7.4.2 body-fld-lines: the number of lines in a content range.</summary>
    public long LinesIn(long start, long end)
    {
        var span = Slice(start, end).Span;
        if (span.IsEmpty)
        {
            return 0;
        }
        var lines = (long)span.Count((byte)'\n');
        return span[^1] == (byte)'\n' ? lines : lines + 1;
    }
}
