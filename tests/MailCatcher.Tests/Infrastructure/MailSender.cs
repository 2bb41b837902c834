using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Tests.Infrastructure;

/// <summary>Sends mail to a test host with MailKit, as the application under test would.</summary>
public static class MailSender
{
    public static MimeMessage Message(string from, string to, string subject, string text, string? html = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        message.Body = body.ToMessageBody();
        return message;
    }

    public static async Task SendAsync(this TestHost host, params MimeMessage[] messages)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);
        foreach (var message in messages)
        {
            await client.SendAsync(message, TestContext.Current.CancellationToken);
        }
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    public static Task SendAsync(this TestHost host, string from, string to, string subject, string text, string? html = null)
        => host.SendAsync(Message(from, to, subject, text, html));
}
