using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Tests;

public sealed class TranscriptCodecTests
{
    [Fact]
    public void Round_trips_lines_with_direction_and_time()
    {
        var at = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
        TranscriptLine[] lines = [new(at, TranscriptDirection.Out, "220 hi"), new(at.AddSeconds(1), TranscriptDirection.In, "EHLO ü"), new(at, TranscriptDirection.Info, "bare LF")];

        var decoded = TranscriptCodec.Decode(TranscriptCodec.Encode(lines));

        Assert.Equal(lines, decoded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50_000)]
    public void Round_trips_empty_and_very_long_transcripts(int count)
    {
        var at = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
        var lines = Enumerable.Range(0, count).Select(i => new TranscriptLine(at.AddMilliseconds(i), (TranscriptDirection)(i % 3), $"250 2.0.0 message {i} stored")).ToList();

        Assert.Equal(lines, TranscriptCodec.Decode(TranscriptCodec.Encode(lines)));
    }

    [Fact]
    public void Writes_the_same_json_as_the_serializer()
    {
        // Encode writes the JSON by hand (issue 16); stored transcripts are read with the serializer.
        var utc = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        TranscriptLine[] lines =
        [
            new(utc, TranscriptDirection.Out, "220 mail.test ESMTP"),
            new(utc.AddSeconds(1), TranscriptDirection.In, "EHLO \"quoted\" <tag> & ü 👋 \u0001\t"),
            new(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified), TranscriptDirection.Info, ""),
            new(new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), TranscriptDirection.In, "MAIL FROM:<a@b.test>"),
        ];
        var written = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(written))
        {
            TranscriptCodec.Write(writer, lines);
        }

        var serialized = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(lines, MailCatcher.Storage.Database.StorageJson.Options);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(serialized), System.Text.Encoding.UTF8.GetString(written.WrittenSpan));
    }
}
