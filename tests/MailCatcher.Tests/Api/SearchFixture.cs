using System.Net.Http.Json;
using System.Text;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Tests.Api;

/// <summary>
/// One host with five messages that differ in every searchable way: sender, recipients (To, Cc,
/// envelope-only), subject, body (text and HTML-only, with diacritics and FTS5 operator words),
/// an attachment, read state and tags.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        var reset = MailSender.Message("alice@example.com", "bob@example.org", "Your password reset", "Click the link to reset your password.");

        var invoice = new MimeMessage();
        invoice.From.Add(MailboxAddress.Parse("noreply@shop.example"));
        invoice.To.Add(MailboxAddress.Parse("carol@example.org"));
        invoice.Cc.Add(MailboxAddress.Parse("dave@other.test"));
        invoice.Subject = "Invoice 42 for November";
        var builder = new BodyBuilder { TextBody = "Please find the invoice attached." };
        builder.Attachments.Add("invoice.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"), new ContentType("application", "pdf"));
        invoice.Body = builder.ToMessageBody();

        var cafe = new MimeMessage();
        cafe.From.Add(new MailboxAddress("José Núñez", "jose@example.es"));
        cafe.To.Add(MailboxAddress.Parse("bob@example.org"));
        cafe.Subject = "Café meeting";
        cafe.Body = new TextPart("html") { Text = "<p>Let's meet at the café on <b>Friday</b></p>" };

        var digest = MailSender.Message("alice@example.com", "erin@example.net", "Weekly digest", "NEAR the AND operator * and \"quotes\" in text; DROP TABLE x");

        await Host.SendAsync(reset, invoice, cafe, digest);

        // Delivered to an envelope recipient that no header names (a Bcc).
        var bcc = MailSender.Message("robot@ci.example", "list@example.com", "Nightly build", "All green");
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", Host.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            await client.SendAsync(bcc, MailboxAddress.Parse("robot@ci.example"), [MailboxAddress.Parse("hidden@bcc.example")]);
            await client.DisconnectAsync(true);
        }

        var page = await Host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        var ids = page!.Messages.ToDictionary(m => m.Subject, m => m.Id);
        (await Host.Http.PatchAsJsonAsync($"api/v1/messages/{ids["Your password reset"]}", new { isRead = true })).EnsureSuccessStatusCode();
        (await Host.Http.PatchAsJsonAsync($"api/v1/messages/{ids["Invoice 42 for November"]}", new { tags = new[] { "billing", "Important" } })).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
