using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailCatcher.Web.Tests.Infrastructure;

/// <summary>Sends test mail to a host with MailKit, the reference client.</summary>
public static class MailSender
{
    public static async Task SendAsync(int smtpPort, MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    public static MimeMessage Html(string subject, string html, string? text = null, params MimePart[] related)
    {
        var message = Basic(subject);
        var builder = new BodyBuilder { HtmlBody = html, TextBody = text };
        foreach (var part in related)
        {
            builder.LinkedResources.Add(part);
        }
        message.Body = builder.ToMessageBody();
        return message;
    }

    public static MimeMessage Text(string subject, string text, string from = "sender@example.com", string to = "someone@example.net")
    {
        var message = Basic(subject, from, to);
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    public static MimeMessage Basic(string subject, string from = "sender@example.com", string to = "someone@example.net")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Test Sender", from));
        message.To.Add(new MailboxAddress("", to));
        message.Subject = subject;
        return message;
    }

    /// <summary>A tiny valid PNG (1×1, red), for inline image tests.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}
