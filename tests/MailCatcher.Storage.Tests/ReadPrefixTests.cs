using System.Text;
using MailCatcher.Storage.Ingest;
using MimeKit;

namespace MailCatcher.Storage.Tests;

/// <summary>
/// <see cref="SummaryParser.ReadPrefix"/> decodes a small part in one call instead of through a
/// StreamReader (issue 16). The search text and snippet must not change: each case is compared
/// with what the StreamReader path, as it was before, reads from the same part.
/// </summary>
public sealed class ReadPrefixTests
{
    public static TheoryData<string, string, byte[]> Parts() => new()
    {
        { "plain ASCII", "text/plain; charset=us-ascii", "Hello\r\nthere\r\n"u8.ToArray() },
        { "UTF-8", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Grüße, 你好, 👋\r\n") },
        { "UTF-8 with a BOM", "text/plain; charset=utf-8", [0xEF, 0xBB, 0xBF, .. "bom\r\n"u8.ToArray()] },
        { "a UTF-16 BOM in a part labelled UTF-8", "text/plain; charset=utf-8", [0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0] },
        { "UTF-8 cut in the middle of a character", "text/plain; charset=utf-8", [.. "ab"u8.ToArray(), 0xE2, 0x82] },
        { "invalid UTF-8", "text/plain; charset=utf-8", [0x61, 0xFF, 0xC0, 0x80, 0x62] },
        { "ISO-8859-1", "text/plain; charset=iso-8859-1", [0x47, 0x72, 0xFC, 0xDF, 0x65] },
        { "no charset", "text/plain", "plain\r\n"u8.ToArray() },
        { "empty", "text/plain; charset=utf-8", [] },
        { "NUL first", "text/plain; charset=utf-8", [0x00, 0x41, 0x42] },
        { "larger than the one-call buffer", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("line of text ü\r\n", 6000))) },
    };

    [Theory]
    [MemberData(nameof(Parts))]
    public void Reads_the_same_text_as_a_stream_reader(string name, string contentType, byte[] body)
    {
        Assert.NotEmpty(name);
        foreach (var encoding in new[] { "8bit", "base64", "quoted-printable" })
        {
            var part = Part(contentType, encoding, body);
            foreach (var maxChars in new[] { 3, 100, SummaryParser.MaxSearchText })
            {
                Assert.Equal(StreamReaderPrefix(part, maxChars), SummaryParser.ReadPrefix(part, maxChars));
            }
        }
    }

    private static TextPart Part(string contentType, string transferEncoding, byte[] body)
    {
        var encoded = transferEncoding switch
        {
            "base64" => Encoding.ASCII.GetBytes(Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks)),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
        byte[] raw = [.. Encoding.ASCII.GetBytes($"Subject: t\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\nContent-Transfer-Encoding: {transferEncoding}\r\n\r\n"), .. encoded];
        var message = MimeMessage.Load(new MemoryStream(raw));
        return Assert.IsType<TextPart>(message.Body);
    }

    private static byte[] QuotedPrintable(byte[] body)
    {
        var text = new StringBuilder();
        foreach (var b in body)
        {
            text.Append(b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The StreamReader reading that ReadPrefix did for every part before issue 16.</summary>
    private static string? StreamReaderPrefix(TextPart part, int maxChars)
    {
        if (part.Content is null)
        {
            return null; // a part with no body at all: ReadPrefix says null too
        }
        using var decoded = part.Content.Open();
        using var reader = new StreamReader(decoded, part.ContentType.CharsetEncoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[maxChars];
        var read = reader.ReadBlock(buffer, 0, maxChars);
        return new string(buffer, 0, read);
    }
}
