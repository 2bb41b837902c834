using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailCatcher.Tests.Relay;

/// <summary>Shared steps of the relay tests: capture a message, release it, watch its outbox entry.</summary>
internal static class RelayTestKit
{
    public static string[] RelayArgs(RelayTarget target, params string[] more) =>
        ["--relay-host", "127.0.0.1", "--relay-port", target.Port.ToString(), "--relay-tls", "none", .. more];

    /// <summary>Sends a message through MailCatcher's SMTP port and returns its id in the store.</summary>
    public static async Task<long> CaptureAsync(TestHost host, MimeMessage message)
    {
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }
        var page = await host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        return page!.Messages.Max(m => m.Id);
    }

    public static MimeMessage Sample(string to = "user@example.com", string subject = "Release me")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("App", "app@sender.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Hello.\r\n.a line with a leading dot\r\nGrüße\r\n" };
        return message;
    }

    public static Task<HttpResponseMessage> ReleaseAsync(TestHost host, long id, params string[] to) =>
        to.Length == 0
            ? host.Http.PostAsync($"api/v1/messages/{id}/release", null)
            : host.Http.PostAsJsonAsync($"api/v1/messages/{id}/release", new { to });

    public static async Task<OutboxEntryDto> ReleasedEntryAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OutboxEntryDto>(TestJson.Options))!;
    }

    /// <summary>Polls the entry until <paramref name="done"/> holds (up to 30 s) and returns it.</summary>
    public static async Task<OutboxEntryDto> WaitForEntryAsync(TestHost host, long id, Func<OutboxEntryDto, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var entry = (await host.GetJsonAsync<OutboxEntryDto>($"api/v1/outbox/{id}"))!;
            if (done(entry))
            {
                return entry;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Outbox entry {id} stayed {entry.State} with {entry.Attempts.Count} attempts.");
            }
            await Task.Delay(100);
        }
    }
}
