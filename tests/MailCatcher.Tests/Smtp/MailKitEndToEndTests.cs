using System.Text;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Tests.Smtp;

/// <summary>MailKit's SmtpClient plays the application under test; the API reads back what arrived.</summary>
public class MailKitEndToEndTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<byte[]> SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await client.SendAsync(message, TestContext.Current.CancellationToken);
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        using var bytes = new MemoryStream();
        var wire = FormatOptions.Default.Clone();
        wire.NewLineFormat = NewLineFormat.Dos; // SMTP lines end in CRLF, as MailKit sends them
        await message.WriteToAsync(wire, bytes, TestContext.Current.CancellationToken);
        return bytes.ToArray();
    }

    private async Task<MessageSummaryDto> OnlyMessageAsync()
    {
        var page = await _host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        return Assert.Single(page!.Messages);
    }

    private async Task<byte[]> RawAsync(long id) => await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Text_message_is_stored_byte_for_byte_with_its_summary()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice Sender", "alice@example.com"));
        message.To.Add(new MailboxAddress("Bob", "bob@example.com"));
        message.Cc.Add(new MailboxAddress("", "carol@example.com"));
        message.Subject = "Your password reset";
        message.Body = new TextPart("plain") { Text = "Hello Bob,\r\n.a line that starts with a dot\r\nBye" };

        var sent = await SendAsync(message);

        var summary = await OnlyMessageAsync();
        Assert.Equal("Your password reset", summary.Subject);
        Assert.Equal(new AddressDto("Alice Sender", "alice@example.com"), summary.From);
        Assert.Equal("bob@example.com", Assert.Single(summary.To).Address);
        Assert.Equal("carol@example.com", Assert.Single(summary.Cc).Address);
        Assert.Equal("alice@example.com", summary.EnvelopeFrom);
        Assert.Equal(["bob@example.com", "carol@example.com"], summary.EnvelopeTo);
        Assert.StartsWith("Hello Bob, .a line that starts with a dot", summary.Snippet);
        Assert.False(summary.IsRead);
        Assert.Equal(sent, await RawAsync(summary.Id));
        Assert.Equal(sent.Length, summary.Size);
    }

    [Fact]
    public async Task Html_with_attachments_shows_parts_in_the_detail()
    {
        var builder = new BodyBuilder { TextBody = "plain version", HtmlBody = "<p>Hello <b>there</b></p><img src=\"cid:logo\">" };
        var logo = builder.LinkedResources.Add("logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, new ContentType("image", "png"));
        logo.ContentId = "logo";
        builder.Attachments.Add("report.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 fake"), new ContentType("application", "pdf"));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("app@example.com"));
        message.To.Add(MailboxAddress.Parse("user@example.com"));
        message.Subject = "Invoice";
        message.Body = builder.ToMessageBody();

        var sent = await SendAsync(message);

        var summary = await OnlyMessageAsync();
        Assert.Equal(1, summary.AttachmentCount);
        Assert.Equal(sent, await RawAsync(summary.Id));
        var detail = await _host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{summary.Id}");
        Assert.Contains("<b>there</b>", detail!.Html);
        Assert.Equal("plain version", detail.Text!.Trim());
        var pdf = Assert.Single(detail.Attachments, a => a.FileName == "report.pdf");
        Assert.False(pdf.Inline);
        Assert.Equal(13, pdf.Size);
        var image = Assert.Single(detail.Attachments, a => a.ContentId == "logo");
        Assert.True(image.Inline);
        Assert.Equal("image/png", image.ContentType);
        Assert.Contains(detail.Headers, h => h.Name == "Subject" && h.Value == "Invoice");
    }

    [Fact]
    public async Task Eight_bit_body_and_UTF8_addresses_arrive_intact()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jörg Müller", "jörg@bücher.example"));
        message.To.Add(new MailboxAddress("", "用户@例子.广告"));
        message.Subject = "Grüße aus Köln ✉";
        message.Body = new TextPart("plain") { Text = "Straße, 東京, emoji 🎉", ContentTransferEncoding = ContentEncoding.EightBit };

        var sent = await SendAsync(message);

        var summary = await OnlyMessageAsync();
        Assert.Equal("Grüße aus Köln ✉", summary.Subject);
        Assert.Equal("jörg@bücher.example", summary.EnvelopeFrom);
        Assert.Equal(["用户@例子.广告"], summary.EnvelopeTo);
        Assert.Equal(sent, await RawAsync(summary.Id));
        var detail = await _host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{summary.Id}");
        Assert.Contains("東京", detail!.Text);
    }

    [Fact]
    public async Task The_session_that_delivered_a_message_has_a_transcript()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("a@example.com"));
        message.To.Add(MailboxAddress.Parse("b@example.com"));
        message.Subject = "transcript";
        message.Body = new TextPart("plain") { Text = new string('x', 5000) };

        await SendAsync(message);

        var summary = await OnlyMessageAsync();
        var session = await WaitForSessionEndAsync(summary.SessionId);
        Assert.Equal([summary.Id], session.MessageIds);
        Assert.NotNull(session.HeloName);
        Assert.StartsWith("127.0.0.1:", session.ClientAddress);
        var transcript = session.Transcript!;
        Assert.Equal("out", transcript[0].Direction);
        Assert.StartsWith("220 ", transcript[0].Text);
        Assert.Contains(transcript, l => l.Direction == "in" && l.Text.StartsWith("MAIL FROM:<a@example.com>", StringComparison.OrdinalIgnoreCase));
        var data = Assert.Single(transcript, l => l.Text.StartsWith("<message data:", StringComparison.Ordinal));
        Assert.Equal("in", data.Direction);
        Assert.DoesNotContain(transcript, l => l.Text.Contains("xxxxxxxxxx", StringComparison.Ordinal));
        Assert.Contains(transcript, l => l.Direction == "out" && l.Text == $"250 2.0.0 OK: queued as {summary.Id}");
    }

    private async Task<SessionDto> WaitForSessionEndAsync(long id)
    {
        // The session record is written after the client disconnects; give it a moment.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var session = await _host.GetJsonAsync<SessionDto>($"api/v1/sessions/{id}");
            if (session?.EndedAt is not null)
            {
                return session;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"Session {id} did not end.");
    }
}
