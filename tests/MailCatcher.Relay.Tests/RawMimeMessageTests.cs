using System.Text;
using MailCatcher.Core.Content;
using MailCatcher.Relay.Sending;
using MimeKit;

namespace MailCatcher.Relay.Tests;

/// <summary>The relay sends the stored bytes unchanged, even the fields MailKit would drop or rewrite.</summary>
public sealed class RawMimeMessageTests
{
    private static byte[] WriteLikeSmtpClient(MimeMessage message)
    {
        // What MailKit's SmtpClient does to the options before writing (SmtpClient.Send).
        var format = FormatOptions.Default.Clone();
        format.HiddenHeaders.Add(HeaderId.ContentLength);
        format.HiddenHeaders.Add(HeaderId.ResentBcc);
        format.HiddenHeaders.Add(HeaderId.Bcc);
        format.NewLineFormat = NewLineFormat.Dos;
        message.Prepare(EncodingConstraint.SevenBit, 78);
        using var output = new MemoryStream();
        message.WriteTo(format, output);
        return output.ToArray();
    }

    private static SpooledContent Spool(byte[] bytes)
    {
        var spool = new SpooledContent();
        spool.Write(bytes);
        return spool;
    }

    [Fact]
    public void Bcc_folded_headers_and_8bit_body_are_written_byte_for_byte()
    {
        var original = Encoding.UTF8.GetBytes(
            "Received: from app by host;\r\n\tSat, 28 Nov 2026 10:00:00 +0000\r\n" +
            "From: App <app@example.com>\r\nTo: a@example.com\r\nBcc: hidden@example.com\r\n" +
            "Content-Length: 9999\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\nContent-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n\r\n" +
            "Grüße, a line that is long " + new string('x', 1200) + "\r\n.leading dot\r\n\r\nend\r\n");
        using var spool = Spool(original);

        var message = RawMimeMessage.Create(spool, "");

        Assert.NotNull(message);
        Assert.Equal(original, WriteLikeSmtpClient(message));
    }

    [Fact]
    public void Resent_fields_go_in_front_of_the_unchanged_message()
    {
        var original = "From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n"u8.ToArray();
        using var spool = Spool(original);
        const string resent = "Resent-From: relay@example.com\r\nResent-To: b@example.com\r\n";

        var message = RawMimeMessage.Create(spool, resent);

        Assert.Equal([.. Encoding.ASCII.GetBytes(resent), .. original], WriteLikeSmtpClient(message!));
    }

    [Fact]
    public void Bytes_without_a_header_section_are_refused()
    {
        using var spool = Spool("no headers at all"u8.ToArray());
        Assert.Null(RawMimeMessage.Create(spool, ""));
    }
}
