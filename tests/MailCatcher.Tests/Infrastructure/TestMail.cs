using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Tests.Infrastructure;

/// <summary>Puts mail into a test host over SMTP, as an application would.</summary>
public static class TestMail
{
    /// <summary>A small text message.</summary>
    public static MimeMessage Simple(string subject, string to = "bob@example.com", string body = "Hello")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice", "alice@example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    public static async Task SendAsync(TestHost host, params MimeMessage[] messages)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);
        foreach (var message in messages)
        {
            await client.SendAsync(message, TestContext.Current.CancellationToken);
        }
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Sends raw bytes as one message: LF line ends become CRLF (SMTP requires CRLF) and lines
    /// starting with "." are dot-stuffed. Returns nothing; read the stored bytes back from the API.
    /// </summary>
    public static async Task SendRawAsync(TestHost host, IEnumerable<byte[]> messages)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        async Task<string> ReplyAsync()
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
            }
            while (line is not null && line.Length > 3 && line[3] == '-');
            return line ?? "<closed>";
        }
        async Task<string> CommandAsync(string command)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            return await ReplyAsync();
        }
        await ReplyAsync();
        Assert.StartsWith("250", await CommandAsync("EHLO test"));
        foreach (var raw in messages)
        {
            Assert.StartsWith("250", await CommandAsync("MAIL FROM:<corpus@example.com>"));
            Assert.StartsWith("250", await CommandAsync("RCPT TO:<bob@example.com>"));
            Assert.StartsWith("354", await CommandAsync("DATA"));
            await stream.WriteAsync(ToSmtpData(raw));
            var reply = await ReplyAsync();
            Assert.True(reply.StartsWith("250", StringComparison.Ordinal), reply);
        }
        await CommandAsync("QUIT");
    }

    /// <summary>CRLF line ends, dot-stuffing and the end marker.</summary>
    public static byte[] ToSmtpData(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var output = new MemoryStream(raw.Length + 1024);
        var lineStart = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (lineStart && b == (byte)'.')
            {
                output.WriteByte((byte)'.');
            }
            if (b == (byte)'\n' && (i == 0 || raw[i - 1] != (byte)'\r'))
            {
                output.WriteByte((byte)'\r');
            }
            output.WriteByte(b);
            lineStart = b == (byte)'\n';
        }
        if (!lineStart)
        {
            output.Write("\r\n"u8);
        }
        output.Write(".\r\n"u8);
        return output.ToArray();
    }
}
