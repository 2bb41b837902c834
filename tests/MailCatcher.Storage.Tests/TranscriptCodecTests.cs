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
}
