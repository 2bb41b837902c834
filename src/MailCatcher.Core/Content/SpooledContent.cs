namespace MailCatcher.Core.Content;

/// <summary>
/// A write-once buffer for message bytes that stays in memory while small and moves to a
/// temporary file once it grows past a threshold, so a 50 MB message never sits in memory.
/// Write everything, then read it back as often as needed with <see cref="OpenRead"/>.
/// </summary>
public sealed class SpooledContent : IDisposable
{
    /// <summary>Messages up to this size stay in memory.</summary>
    public const int DefaultMemoryThreshold = 1024 * 1024;

    /// <summary>The first buffer: a 5 KB message fits without growing (a MemoryStream grew 256 B, 512 B, ... 8 KB).</summary>
    private const int InitialCapacity = 8 * 1024;

    /// <summary>How much more content a follower waits for before the file is flushed for it to read.</summary>
    private const int FollowStep = 256 * 1024;

    private readonly int _memoryThreshold;
    private readonly Func<IContentFollower>? _createFollower;
    private long _followedLength;

    /// <summary>
    /// The in-memory content (the first <see cref="Length"/> bytes), or null once on disk. Not a
    /// MemoryStream: that zeroes every buffer it grows into and copies each time, which was 2-4%
    /// of ingest CPU (perf, issue 16); these buffers are left uninitialized and only ever read up
    /// to what was written. Not pooled either: streams from <see cref="OpenRead"/> may outlive
    /// <see cref="Dispose"/> in a caller, and a pooled buffer would then show another message.
    /// </summary>
    private byte[]? _memory = [];
    private FileStream? _file;
    private string? _filePath;

    /// <param name="memoryThreshold">Content up to this size stays in memory.</param>
    /// <param name="createFollower">Creates the follower of content that moves to a file (see <see cref="IContentFollower"/>).</param>
    public SpooledContent(int memoryThreshold = DefaultMemoryThreshold, Func<IContentFollower>? createFollower = null)
    {
        _memoryThreshold = memoryThreshold;
        _createFollower = createFollower;
    }

    /// <summary>What follows this content as it is written, once it is on disk; else null.</summary>
    public IContentFollower? Follower { get; private set; }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>True once the content has moved to a temporary file.</summary>
    public bool IsOnDisk => _file is not null;

    /// <summary>
    /// The first write that failed (a full temp folder, say), else null. The rest of the message
    /// is then still counted but dropped, so the protocol can read it to its end and answer
    /// with a reply (452 4.3.1 for a full disk) instead of losing the connection.
    /// </summary>
    public IOException? WriteFailure { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Length += bytes.Length;
        if (WriteFailure is not null)
        {
            return;
        }
        try
        {
            var held = Length - bytes.Length;
            if (_memory is not null && Length > _memoryThreshold)
            {
                MoveToFile(held);
            }
            if (_memory is not null)
            {
                if (Length > _memory.Length)
                {
                    Grow(held);
                }
                bytes.CopyTo(_memory.AsSpan((int)held));
            }
            else
            {
                _file!.Write(bytes);
                if (Follower is not null && Length - _followedLength >= FollowStep)
                {
                    _file.Flush();
                    _followedLength = Length;
                    Follower.Advance(Length);
                }
            }
        }
        catch (IOException e)
        {
            WriteFailure = e;
            Release();
        }
    }

    /// <summary>Writes every segment of a sequence.</summary>
    public void Write(in System.Buffers.ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            Write(segment.Span);
        }
    }

    /// <summary>Reads <paramref name="source"/> to its end into a new spool.</summary>
    public static async Task<SpooledContent> CopyFromAsync(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var spool = new SpooledContent();
        try
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    spool.Write(buffer.AsSpan(0, read));
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <summary>A new read-only stream over everything written, positioned at the start.</summary>
    public Stream OpenRead()
    {
        if (_memory is not null)
        {
            return new MemoryStream(_memory, 0, (int)Length, writable: false);
        }
        if (WriteFailure is not null || _file is null)
        {
            throw new IOException("The message could not be spooled.", WriteFailure);
        }
        _file.Flush();
        Follower?.Advance(Length);
        return new FileStream(_filePath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
    }

    /// <summary>The content as one array; for small content and tests.</summary>
    public byte[] ToArray()
    {
        if (_memory is not null)
        {
            return _memory.AsSpan(0, (int)Length).ToArray();
        }
        using var stream = OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Doubles the buffer (at least to the new length, at most to the threshold), keeping the first <paramref name="held"/> bytes.</summary>
    private void Grow(long held)
    {
        var capacity = Math.Max(Math.Max(InitialCapacity, (long)_memory!.Length * 2), Length);
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(capacity, Math.Max(Length, _memoryThreshold)));
        _memory.AsSpan(0, (int)held).CopyTo(grown);
        _memory = grown;
    }

    private void MoveToFile(long held)
    {
        _filePath = Path.Combine(Path.GetTempPath(), $"mailcatcher-{Guid.NewGuid():N}.spool");
        _file = new FileStream(_filePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose);
        _file.Write(_memory.AsSpan(0, (int)held));
        _memory = null;
        if (_createFollower is not null)
        {
            _file.Flush();
            Follower = _createFollower();
            Follower.Start(_filePath);
            _followedLength = held;
            Follower.Advance(held);
        }
    }

    public void Dispose() => Release();

    private void Release()
    {
        var file = _file;
        _memory = null;
        _file = null;
        Follower?.Dispose();
        try
        {
            file?.Dispose();
        }
        catch (IOException)
        {
            // A full disk cannot take the buffered tail; the file is deleted on close all the same.
        }
    }
}
