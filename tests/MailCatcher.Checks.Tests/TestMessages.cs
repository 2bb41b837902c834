using MimeKit;

namespace MailCatcher.Checks.Tests;

/// <summary>Messages made for one rule each, parsed back from bytes as MailCatcher stores them.</summary>
internal static class TestMessages
{
    public static MimeMessage Parse(string raw)
        => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n"))));

    public static MimeMessage Reparse(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, buffer);
        buffer.Position = 0;
        return MimeMessage.Load(buffer);
    }

    /// <summary>A well-behaved transactional message: every sender rule passes.</summary>
    public static MimeMessage Good(string html = "<p>Hello <img src=\"cid:logo\" alt=\"Logo\"></p>")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Shop", "orders@shop.example"));
        message.To.Add(new MailboxAddress("Ann", "ann@example.com"));
        message.Subject = "Your order";
        message.Date = new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);
        message.MessageId = "order-1@shop.example";
        var body = new BodyBuilder { TextBody = "Hello", HtmlBody = html };
        message.Body = body.ToMessageBody();
        return Reparse(message);
    }
}
