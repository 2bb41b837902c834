using MailCatcher.Core.Content;

namespace MailCatcher.Core.Tests;

/// <summary>
/// The spool keeps message bytes in its own growing buffer (issue 16: a MemoryStream zeroed and
/// copied every buffer it grew into). Whatever the write sizes, what comes back must be exactly
/// what went in, in memory and after the move to a temporary file.
/// </summary>
public sealed class SpooledContentTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5 * 1024, 1)]
    [InlineData(5 * 1024, 77)]
    [InlineData(8 * 1024, 8 * 1024)]
    [InlineData(8 * 1024 + 1, 4096)]
    [InlineData(300 * 1024, 65_536)]
    [InlineData(300 * 1024, 1000)]
    public void Reads_back_exactly_what_was_written_in_memory(int size, int writeSize)
    {
        var bytes = Pattern(size);
        using var spool = Write(new SpooledContent(), bytes, writeSize);

        Assert.False(spool.IsOnDisk);
        Assert.Equal(size, spool.Length);
        Assert.Equal(bytes, spool.ToArray());
        Assert.Equal(bytes, ReadAll(spool));
        Assert.Equal(bytes, ReadAll(spool)); // as often as needed
    }

    [Theory]
    [InlineData(1000, 100)]
    [InlineData(4096, 4096)]
    [InlineData(1024 * 1024 + 1, 65_536)]
    [InlineData(3 * 1024 * 1024, 30_000)]
    public void Moves_to_a_file_past_the_threshold_and_keeps_every_byte(int size, int writeSize)
    {
        var threshold = size - 1;
        var bytes = Pattern(size);
        using var spool = Write(new SpooledContent(threshold), bytes, writeSize);

        Assert.True(spool.IsOnDisk);
        Assert.Equal(size, spool.Length);
        Assert.Equal(bytes, ReadAll(spool));
        Assert.Equal(bytes, spool.ToArray());
    }

    [Fact]
    public void Content_exactly_at_the_threshold_stays_in_memory()
    {
        var bytes = Pattern(10_000);
        using var spool = Write(new SpooledContent(10_000), bytes, 3000);

        Assert.False(spool.IsOnDisk);
        Assert.Equal(bytes, ReadAll(spool));
    }

    [Fact]
    public void A_stream_opened_before_more_writes_still_reads_what_was_there()
    {
        using var spool = new SpooledContent();
        spool.Write(Pattern(100));
        using var early = spool.OpenRead();
        spool.Write(Pattern(20_000)); // grows into a new buffer

        using var copy = new MemoryStream();
        early.CopyTo(copy);
        Assert.Equal(Pattern(100), copy.ToArray());
    }

    [Fact]
    public void A_follower_starts_when_the_content_moves_to_its_file_and_may_read_every_byte_it_is_told_of()
    {
        var bytes = Pattern(1_500_000);
        var follower = new RecordingFollower();
        using var spool = new SpooledContent(memoryThreshold: 100_000, createFollower: () => follower);

        Write(spool, bytes[..100_000], 7_000);
        Assert.Null(spool.Follower); // still in memory: nothing to follow
        Write(spool, bytes[100_000..], 7_000);
        using (spool.OpenRead())
        {
        }

        Assert.Same(follower, spool.Follower);
        Assert.Equal(1, follower.Starts);
        Assert.True(follower.Advances.Count >= 3, $"told of {follower.Advances.Count} lengths");
        Assert.Equal(bytes.Length, follower.Advances[^1]);
        Assert.Equal(follower.Advances.Order(), follower.Advances);
        // At each advance, what the follower read from the file was exactly the content's prefix.
        Assert.All(follower.Reads, read => Assert.Equal(bytes[..read.Length], read));
        Assert.False(follower.Disposed);

        spool.Dispose();
        Assert.True(follower.Disposed);
    }

    [Fact]
    public void Content_that_stays_in_memory_never_creates_a_follower()
    {
        using var spool = new SpooledContent(createFollower: () => throw new InvalidOperationException("not to be followed"));
        spool.Write(Pattern(5 * 1024));
        Assert.Null(spool.Follower);
    }

    /// <summary>Reads the file up to each length it is told of, as a real follower would.</summary>
    private sealed class RecordingFollower : IContentFollower
    {
        private string? _path;

        public int Starts { get; private set; }

        public List<long> Advances { get; } = [];

        public List<byte[]> Reads { get; } = [];

        public bool Disposed { get; private set; }

        public void Start(string path)
        {
            Starts++;
            _path = path;
        }

        public void Advance(long readableLength)
        {
            Advances.Add(readableLength);
            using var file = new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var read = new byte[readableLength];
            file.ReadExactly(read);
            Reads.Add(read);
        }

        public void Dispose() => Disposed = true;
    }

    private static SpooledContent Write(SpooledContent spool, byte[] bytes, int writeSize)
    {
        for (var offset = 0; offset < bytes.Length; offset += writeSize)
        {
            spool.Write(bytes.AsSpan(offset, Math.Min(writeSize, bytes.Length - offset)));
        }
        return spool;
    }

    private static byte[] ReadAll(SpooledContent spool)
    {
        using var stream = spool.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Bytes that differ at every offset modulo 251, so a shifted or repeated chunk shows.</summary>
    private static byte[] Pattern(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)(i % 251);
        }
        return bytes;
    }
}
