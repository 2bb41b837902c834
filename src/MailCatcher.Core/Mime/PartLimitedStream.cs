namespace MailCatcher.Core.Mime;

/// <summary>
/// What every MIME parse of a stored message reads through (issue 16): the message ends, for the
/// parser, just before the line that would open part number <see cref="MaxParts"/> + 1. A message
/// of a million tiny parts (10 MB) otherwise made MimeKit build a million entities: one IMAP
/// BODYSTRUCTURE took 100 s and 6.5 GB, the API's detail 48 s. Dovecot's parser stops at the same
/// 10,000 parts. Only the views are cut: the stored bytes, <c>/raw</c>, IMAP <c>BODY[]</c> and
/// POP3 still give every octet.
/// <para>
/// A part is opened by a boundary delimiter line, which starts with <c>--</c> (RFC 2046 §5.1.1);
/// every line that starts with <c>--</c> is counted, a delimiter or not, so the count is an upper
/// bound and never needs the boundaries themselves. Seeking is passed through when the inner
/// stream can seek (MimeKit's persistent parse reads part content back later); bytes are counted
/// once, the first time they are read. When a read ends between the two dashes of the line over
/// the limit, the first dash has already been handed out and ends the last part seen.
/// </para>
/// </summary>
public sealed class PartLimitedStream(Stream inner, bool leaveOpen = false) : Stream
{
    /// <summary>How many lines starting with <c>--</c> the parser sees; the README's limits table quotes it.</summary>
    public const int MaxParts = 10_000;

    private long _position;
    private long _scanned;
    private long? _cut;
    private int _delimiters;
    private bool _atLineStart = true;
    private bool _pendingDash;

    /// <summary>True once the message was cut: the parser saw only its first <see cref="MaxParts"/> parts.</summary>
    public bool WasCut => _cut is not null;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _cut is { } cut ? Math.Min(cut, inner.Length) : inner.Length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var allowed = Allowed(buffer.Length);
        if (allowed == 0)
        {
            return 0;
        }
        var read = inner.Read(buffer[..allowed]);
        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = Allowed(buffer.Length);
        if (allowed == 0)
        {
            return 0;
        }
        var read = await inner.ReadAsync(buffer[..allowed], cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = inner.Seek(offset, origin);
        if (_position > _scanned)
        {
            // Never happens in MimeKit's parse; bytes skipped unread are not counted.
            (_scanned, _atLineStart, _pendingDash) = (_position, false, false);
        }
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Allowed(int wanted) => _cut is { } cut ? (int)Math.Clamp(cut - _position, 0, wanted) : wanted;

    /// <summary>Counts the new bytes among those just read and returns how many of them the parser may see.</summary>
    private int Account(ReadOnlySpan<byte> read)
    {
        var start = _position;
        var end = start + read.Length;
        if (end > _scanned && _cut is null)
        {
            var from = (int)(_scanned - start);
            Scan(read[from..], _scanned);
            _scanned = _cut ?? end;
        }
        var visible = _cut is { } cut ? (int)Math.Clamp(cut - start, 0, read.Length) : read.Length;
        _position = start + visible;
        if (visible < read.Length && inner.CanSeek)
        {
            inner.Position = _position;
        }
        return visible;
    }

    /// <summary>Finds lines that start with <c>--</c>, jumping from line end to line end; sets the cut at the one over the limit.</summary>
    private void Scan(ReadOnlySpan<byte> bytes, long start)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (!_atLineStart && !_pendingDash)
            {
                var newline = bytes[i..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    return;
                }
                i += newline + 1;
                _atLineStart = true;
                continue;
            }
            var b = bytes[i];
            if (_pendingDash)
            {
                _pendingDash = false;
                if (b == (byte)'-' && ++_delimiters > MaxParts)
                {
                    _cut = start + i - 1;
                    return;
                }
            }
            else if (b == (byte)'-')
            {
                _pendingDash = true;
            }
            _atLineStart = b == (byte)'\n';
            i++;
        }
    }
}
