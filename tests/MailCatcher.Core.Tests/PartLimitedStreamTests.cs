using System.Text;
using MailCatcher.Core.Mime;
using MimeKit;

namespace MailCatcher.Core.Tests;

/// <summary>Issue 16: what a MIME parser sees of a message with more parts than <see cref="PartLimitedStream.MaxParts"/>.</summary>
public sealed class PartLimitedStreamTests
{
    private static byte[] TinyParts(int count)
    {
        var text = new StringBuilder("Subject: parts\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("--b\r\n\r\n").Append(i).Append("\r\n");
        }
        return Encoding.ASCII.GetBytes(text.Append("--b--\r\n").ToString());
    }

    /// <summary>Reads the stream <paramref name="chunk"/> bytes at a time, as a parser with that buffer would.</summary>
    private static byte[] ReadAll(Stream stream, int chunk)
    {
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = stream.Read(buffer, 0, chunk)) > 0)
        {
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    [Fact]
    public void A_message_within_the_limit_passes_through_unchanged()
    {
        var raw = TinyParts(PartLimitedStream.MaxParts - 1); // the closing delimiter is the last counted line
        using var stream = new PartLimitedStream(new MemoryStream(raw));
        Assert.Equal(raw, ReadAll(stream, 4096));
        Assert.False(stream.WasCut);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void A_message_over_the_limit_ends_before_the_line_over_it_whatever_the_read_size(int chunk)
    {
        var raw = TinyParts(PartLimitedStream.MaxParts + 50);
        using var stream = new PartLimitedStream(new MemoryStream(raw));
        var seen = Encoding.ASCII.GetString(ReadAll(stream, chunk));

        Assert.True(stream.WasCut);
        var expectedEnd = Encoding.ASCII.GetString(raw).IndexOf($"--b\r\n\r\n{PartLimitedStream.MaxParts}\r\n", StringComparison.Ordinal);
        // A read that stops between the two dashes has already handed out the first one.
        Assert.InRange(seen.Length, expectedEnd, expectedEnd + 1);
        Assert.EndsWith($"{PartLimitedStream.MaxParts - 1}\r\n", seen.TrimEnd('-'), StringComparison.Ordinal);
    }

    [Fact]
    public void MimeKit_parses_the_first_parts_of_a_message_of_a_hundred_thousand()
    {
        using var stream = new PartLimitedStream(new MemoryStream(TinyParts(100_000)));
        using var message = MimeMessage.Load(stream, TestContext.Current.CancellationToken);
        var body = Assert.IsType<Multipart>(message.Body);
        Assert.Equal(PartLimitedStream.MaxParts, body.Count);
        Assert.Equal("parts", message.Subject);
    }

    [Fact]
    public void A_persistent_parse_reads_part_content_back_through_seeks()
    {
        var raw = TinyParts(PartLimitedStream.MaxParts + 5);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, raw);
            using var file = File.OpenRead(path);
            using var stream = new PartLimitedStream(file, leaveOpen: true);
            using var message = new MimeParser(stream, MimeFormat.Entity, persistent: true).ParseMessage(TestContext.Current.CancellationToken);
            var parts = Assert.IsType<Multipart>(message.Body).OfType<MimePart>().ToList();
            Assert.Equal(PartLimitedStream.MaxParts, parts.Count);
            using var content = new MemoryStream();
            parts[1234].Content!.DecodeTo(content, TestContext.Current.CancellationToken);
            Assert.Equal("1234", Encoding.ASCII.GetString(content.ToArray()).TrimEnd());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lines_that_start_with_two_dashes_count_wherever_they_are_but_single_dashes_do_not()
    {
        var text = new StringBuilder("Subject: x\r\n\r\n");
        for (var i = 0; i < PartLimitedStream.MaxParts + 10; i++)
        {
            text.Append("- a list item\r\n-\r\n");
        }
        var raw = Encoding.ASCII.GetBytes(text.ToString());
        using var stream = new PartLimitedStream(new MemoryStream(raw));
        Assert.Equal(raw, ReadAll(stream, 1000));
        Assert.False(stream.WasCut);
    }
}
