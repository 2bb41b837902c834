using System.Text;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Tests;

public sealed class ContentCodecTests
{
    public static TheoryData<int> Sizes => [0, 1, 5 * 1024, 64 * 1024, 64 * 1024 + 1, 3 * 1024 * 1024 + 17];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Stored_bytes_decompress_to_the_original(int size)
    {
        // Half prose, half noise: compressible and incompressible runs, across encoder chunk boundaries.
        var random = new Random(size);
        var original = new byte[size];
        var prose = Encoding.ASCII.GetBytes("Your order has shipped. Track the package with the link below.\r\n");
        for (var i = 0; i < size; i++)
        {
            original[i] = i / 4096 % 2 == 0 ? prose[i % prose.Length] : (byte)random.Next(256);
        }

        using var compressed = ContentCodec.Compress(new MemoryStream(original));
        using var stored = compressed.OpenRead();
        using var decompressed = ContentCodec.Decompress(stored, ContentCompression.Brotli);
        using var roundTrip = new MemoryStream();
        decompressed.CopyTo(roundTrip);

        Assert.Equal(original, roundTrip.ToArray());
        Assert.Equal(size > 1024 * 1024, compressed.IsOnDisk);
    }

    [Fact]
    public void Text_shrinks()
    {
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Please confirm your email address to finish signing in.\r\n", 200)));
        using var compressed = ContentCodec.Compress(new MemoryStream(text));
        Assert.True(compressed.Length < text.Length / 4, $"{text.Length} bytes compressed to {compressed.Length}");
    }
}
