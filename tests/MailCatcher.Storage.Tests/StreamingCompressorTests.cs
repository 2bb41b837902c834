using MailCatcher.Core.Content;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Tests;

/// <summary>
/// A large message is compressed from its spool file while it still arrives (issue 16). What it
/// makes must decompress to exactly the bytes written, however they were written, and a message
/// that is dropped half-way must stop its compressor.
/// </summary>
public sealed class StreamingCompressorTests
{
    [Theory]
    [InlineData(1_100_000, 7_000)]
    [InlineData(3 * 1024 * 1024 + 17, 65_536)]
    [InlineData(2 * 1024 * 1024, 1_000_003)]
    public void Content_compressed_while_it_was_written_decompresses_to_the_original(int size, int writeSize)
    {
        var original = ProseAndNoise(size);
        using var spool = new SpooledContent(createFollower: () => new StreamingCompressor());
        for (var offset = 0; offset < size; offset += writeSize)
        {
            spool.Write(original.AsSpan(offset, Math.Min(writeSize, size - offset)));
        }
        using (spool.OpenRead())
        {
        }

        var compressor = Assert.IsType<StreamingCompressor>(spool.Follower);
        using var compressed = compressor.Finish(spool.Length);

        Assert.NotNull(compressed);
        Assert.Null(compressor.Finish(spool.Length)); // handed out once: the first caller owns it
        Assert.True(compressed.Length < size, $"{size} bytes compressed to {compressed.Length}");
        Assert.Equal(original, Decompress(compressed));
    }

    [Fact]
    public async Task A_dropped_message_stops_its_compressor()
    {
        var spool = new SpooledContent(createFollower: () => new StreamingCompressor());
        spool.Write(ProseAndNoise(2 * 1024 * 1024));
        var compressor = Assert.IsType<StreamingCompressor>(spool.Follower);

        spool.Dispose();

        // The work it had done is discarded: nothing is handed out, and nothing waits forever.
        var finished = await Task.Run(() => compressor.Finish(2 * 1024 * 1024), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Null(finished);
    }

    private static byte[] Decompress(SpooledContent compressed)
    {
        using var stored = compressed.OpenRead();
        using var decompressed = ContentCodec.Decompress(stored, ContentCompression.Brotli);
        using var copy = new MemoryStream();
        decompressed.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Alternating runs of prose and noise, so pieces cross compressible and incompressible stretches.</summary>
    private static byte[] ProseAndNoise(int size)
    {
        var random = new Random(size);
        var prose = "Your order has shipped. Track the package with the link below.\r\n"u8.ToArray();
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = i / 4096 % 2 == 0 ? prose[i % prose.Length] : (byte)random.Next(256);
        }
        return bytes;
    }
}
