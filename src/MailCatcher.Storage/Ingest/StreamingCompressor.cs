using System.Buffers;
using MailCatcher.Core.Content;
using Microsoft.Win32.SafeHandles;

namespace MailCatcher.Storage.Ingest;

/// <summary>
/// Compresses a large message from its spool file while DATA still arrives, on a thread-pool
/// thread, so that after the final dot only the last piece is left to compress. A 50 MB message
/// spent 120-300 ms compressing after the final dot (bench/README.md, issue 16); reading the
/// file as it grows costs no memory beyond one chunk, where copying the pieces as they arrive
/// would hold whatever the compressor had not yet caught up with.
/// </summary>
internal sealed class StreamingCompressor : IContentFollower
{
    private readonly SemaphoreSlim _advanced = new(0);
    private long _readable;
    private volatile bool _complete;
    private volatile bool _abandoned;
    private int _finished;
    private Task<SpooledContent?>? _work;

    public void Start(string path) => _work = Task.Run(() => CompressAsync(path));

    public void Advance(long readableLength)
    {
        Interlocked.Exchange(ref _readable, readableLength);
        Wake();
    }

    /// <summary>
    /// Waits for the compressor to reach <paramref name="length"/>, the content's final length, and
    /// returns the compressed content (the caller owns it), or null when compressing failed: the
    /// caller then compresses the spool itself. The content is handed out once: a second call
    /// returns null, as the first caller owns (and disposes) what it got.
    /// </summary>
    public SpooledContent? Finish(long length)
    {
        if (_work is null || Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return null;
        }
        Interlocked.Exchange(ref _readable, length);
        _complete = true;
        Wake();
        try
        {
            return _work.GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<SpooledContent?> CompressAsync(string path)
    {
        if (_abandoned)
        {
            // Dropped before this task ran: the spool file may already be gone.
            return null;
        }
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var encoder = new ContentEncoder();
        var input = ArrayPool<byte>.Shared.Rent(ContentCodec.ChunkSize);
        try
        {
            long done = 0;
            while (!_abandoned)
            {
                // Completeness first: once it is seen, the length read after it is the final one.
                var complete = _complete;
                done = CompressUpTo(file, Interlocked.Read(ref _readable), done, encoder, input);
                if (complete)
                {
                    var compressed = encoder.Finish();
                    return compressed;
                }
                await _advanced.WaitAsync();
            }
            return null;
        }
        finally
        {
            encoder.Dispose();
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static long CompressUpTo(SafeFileHandle file, long readable, long done, ContentEncoder encoder, byte[] input)
    {
        while (done < readable)
        {
            var read = RandomAccess.Read(file, input.AsSpan(0, (int)Math.Min(input.Length, readable - done)), done);
            if (read == 0)
            {
                throw new IOException("The spool file ended before the length written to it.");
            }
            encoder.Write(input.AsSpan(0, read));
            done += read;
        }
        return done;
    }

    private void Wake()
    {
        if (_advanced.CurrentCount == 0)
        {
            _advanced.Release();
        }
    }

    /// <summary>Stops a compressor whose message was dropped (the session ended, the disk filled); what it made is discarded.</summary>
    public void Dispose()
    {
        _abandoned = true;
        Wake();
    }
}
