using MimeKit;

namespace MailCatcher.Core.Mime;

/// <summary>
/// What people look at in a message: decoded headers, the text and HTML bodies, and its parts.
/// Built on demand from the raw bytes with MimeKit; never throws for broken mail.
/// </summary>
public sealed class MessageView : IDisposable
{
    private MessageView(MimeMessage? message, string? parseError)
    {
        Message = message;
        ParseError = parseError;
    }

    /// <summary>The parsed message; null when MimeKit could not parse it.</summary>
    public MimeMessage? Message { get; }

    public string? ParseError { get; }

    /// <summary>
    /// The most parts <see cref="Parts"/> lists (issue 16): a message of 100,000 tiny parts took
    /// 20 s to describe. Dovecot's message parser stops at 10,000 parts; a view needs far fewer.
    /// The raw message still holds every part.
    /// </summary>
    public const int MaxListedParts = 1000;

    public static MessageView Load(Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            using var limited = new PartLimitedStream(raw, leaveOpen: true);
            return new MessageView(MimeMessage.Load(limited), null);
        }
        catch (FormatException e)
        {
            return new MessageView(null, e.Message);
        }
    }

    /// <summary>
    /// Every field of the top-level header block, in the order it was received, decoded. MimeKit
    /// keeps the <c>Content-*</c> fields on the body entity rather than the message, so the two
    /// lists are merged back by the offset each field was parsed at: the raw block is the truth.
    /// </summary>
    public IReadOnlyList<HeaderField> Headers
    {
        get
        {
            if (Message is null)
            {
                return [];
            }
            var fields = Message.Body is null ? Message.Headers : Message.Headers.Concat(Message.Body.Headers.Where(h => h.Offset is not null));
            return [.. fields.OrderBy(h => h.Offset ?? long.MaxValue).Select(h => new HeaderField(h.Field, SafeValue(h)))];
        }
    }

    public string? TextBody => Safe(() => Message?.TextBody);

    public string? HtmlBody => Safe(() => Message?.HtmlBody);

    /// <summary>The leaf parts that are not the message's text or HTML body, with their section numbers: the first <see cref="MaxListedParts"/>.</summary>
    public IReadOnlyList<MessagePartInfo> Parts
    {
        get
        {
            if (Message is null)
            {
                return [];
            }
            var bodies = BodyParts();
            var parts = new List<MessagePartInfo>();
            using var iterator = new MimeIterator(Message);
            while (parts.Count < MaxListedParts && iterator.MoveNext())
            {
                var entity = iterator.Current;
                if (entity is Multipart || bodies.Contains(entity))
                {
                    continue;
                }
                if (iterator.Parent is MessagePart)
                {
                    continue; // the body of an attached message belongs to that attachment
                }
                parts.Add(Describe(iterator.PathSpecifier, entity));
            }
            return parts;
        }
    }

    /// <summary>The entity at an IMAP-style section number, or null.</summary>
    public MimeEntity? FindPart(string partId)
    {
        if (Message is null)
        {
            return null;
        }
        using var iterator = new MimeIterator(Message);
        while (iterator.MoveNext())
        {
            if (iterator.PathSpecifier == partId)
            {
                return iterator.Current;
            }
        }
        return null;
    }

    private HashSet<MimeEntity> BodyParts()
    {
        var bodies = new HashSet<MimeEntity>(ReferenceEqualityComparer.Instance);
        var text = Message!.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain && !p.IsAttachment);
        var html = Message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml && !p.IsAttachment);
        if (text is not null)
        {
            bodies.Add(text);
        }
        if (html is not null)
        {
            bodies.Add(html);
        }
        return bodies;
    }

    private static MessagePartInfo Describe(string partId, MimeEntity entity)
    {
        var fileName = entity switch
        {
            MimePart part => part.FileName,
            _ => entity.ContentDisposition?.FileName ?? entity.ContentType.Name,
        };
        return new MessagePartInfo(
            partId,
            fileName,
            entity.ContentType.MimeType,
            DecodedSize(entity),
            entity.ContentId,
            !entity.IsAttachment);
    }

    private static long DecodedSize(MimeEntity entity)
    {
        try
        {
            using var counter = new CountingStream();
            switch (entity)
            {
                case MimePart { Content: not null } part:
                    part.Content.DecodeTo(counter);
                    break;
                case MessagePart { Message: not null } message:
                    message.Message.WriteTo(counter);
                    break;
            }
            return counter.Length;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException)
        {
            return 0;
        }
    }

    private static string SafeValue(Header header)
    {
        try
        {
            return header.Value ?? "";
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return System.Text.Encoding.Latin1.GetString(header.RawValue).Trim();
        }
    }

    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Releases MimeKit's part content now rather than in the finalizer.</summary>
    public void Dispose() => Message?.Dispose();

    /// <summary>Counts bytes written and keeps none.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
