using System.Text;
using MailCatcher.Client.Models;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Client.Tests;

/// <summary>The client's send calls (<c>POST /api/v1/send</c>) against a real host.</summary>
public sealed class SendTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private MailCatcherClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _client = new MailCatcherClient(_host.Http.BaseAddress!);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_stores_the_message_and_returns_its_id()
    {
        var id = await _client.SendAsync(new OutgoingMessage
        {
            From = "app@example.com",
            To = ["ann@example.com"],
            Bcc = ["audit@example.com"],
            Subject = "Seeded",
            Text = "Your code is 482913.",
            Attachments = [new OutgoingAttachment("notes.txt", "hello"u8.ToArray(), "text/plain")],
        }, Ct);

        var detail = await _client.GetAsync(id, Ct);
        Assert.Equal("Seeded", detail.Subject);
        Assert.Contains("audit@example.com", detail.EnvelopeTo);
        Assert.Equal("notes.txt", Assert.Single(detail.Attachments).FileName);
        Assert.Equal("482913", (await _client.GetCodesAsync(id, Ct))[0].Code);
    }

    [Fact]
    public async Task SendRawAsync_keeps_the_bytes_and_uses_the_given_envelope()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: raw\r\n\r\nbody\r\n");
        var id = await _client.SendRawAsync(raw, "envelope@example.com", ["rcpt@example.com"], Ct);

        Assert.Equal(raw, await _client.GetRawAsync(id, Ct));
        var detail = await _client.GetAsync(id, Ct);
        Assert.Equal("envelope@example.com", detail.EnvelopeFrom);
        Assert.Equal(["rcpt@example.com"], detail.EnvelopeTo);
    }

    [Fact]
    public async Task A_refused_send_throws_with_the_problem()
    {
        var error = await Assert.ThrowsAsync<MailCatcherApiException>(() => _client.SendAsync(new OutgoingMessage { From = "app@example.com" }, Ct));
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Contains("recipient", error.Problem?.Detail, StringComparison.Ordinal);
    }
}
