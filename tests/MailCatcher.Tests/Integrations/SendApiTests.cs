using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using MailCatcher.Tests.Api;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Integrations;

/// <summary><c>POST /api/v1/send</c>: JSON or raw messages stored as SMTP mail is, with a session saying they came from the API.</summary>
public sealed class SendApiTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync("--max-message-size", "200000");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private sealed record SendResultDto(long Id, long SessionId);

    private static async Task<SendResultDto> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        var result = (await response.Content.ReadFromJsonAsync<SendResultDto>(TestJson.Options, Ct))!;
        Assert.Equal($"/api/v1/messages/{result.Id}", response.Headers.Location?.OriginalString);
        return result;
    }

    private Task<HttpResponseMessage> PostJsonAsync(object body) => _host.Http.PostAsJsonAsync("api/v1/send", body, Ct);

    private Task<HttpResponseMessage> PostRawAsync(string raw, string query = "")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return _host.Http.PostAsync("api/v1/send" + query, content, Ct);
    }

    [Fact]
    public async Task Json_message_is_stored_with_bodies_attachments_headers_and_bcc_only_in_the_envelope()
    {
        var result = await CreatedAsync(await PostJsonAsync(new
        {
            from = "Shop <shop@example.com>",
            to = new[] { "ann@example.com" },
            cc = new[] { "Bob <bob@example.com>" },
            bcc = new[] { "audit@example.com" },
            subject = "Your order ✓",
            text = "Thanks for your order.",
            html = "<p>Thanks! <img src=\"cid:logo@shop\"></p>",
            attachments = new object[]
            {
                new { name = "invoice.pdf", contentType = "application/pdf", content = Convert.ToBase64String("%PDF-1.4 fake"u8.ToArray()) },
                new { name = "logo.png", contentType = "image/png", content = Convert.ToBase64String([0x89, 0x50, 0x4e, 0x47]), contentId = "logo@shop" },
            },
            headers = new Dictionary<string, string> { ["X-Campaign"] = "spring", ["Reply-To"] = "help@example.com" },
        }));

        var detail = (await _host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{result.Id}"))!;
        Assert.Equal("Your order ✓", detail.Subject);
        Assert.Equal("shop@example.com", detail.EnvelopeFrom);
        Assert.Equal(["ann@example.com", "bob@example.com", "audit@example.com"], detail.EnvelopeTo);
        Assert.Equal("Shop", detail.From!.Name);
        Assert.Contains("Thanks for your order.", detail.Text, StringComparison.Ordinal);
        Assert.Contains("cid:", detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(detail.Headers, h => h.Name.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(detail.Headers, h => h is { Name: "X-Campaign", Value: "spring" });
        Assert.Contains(detail.Headers, h => h.Name == "Message-Id" || h.Name == "Message-ID");
        var invoice = Assert.Single(detail.Attachments, a => a.FileName == "invoice.pdf");
        Assert.False(invoice.Inline);
        Assert.Equal("logo@shop", Assert.Single(detail.Attachments, a => a.FileName == "logo.png").ContentId);
        var raw = Encoding.UTF8.GetString(await _host.Http.GetByteArrayAsync($"api/v1/messages/{result.Id}/raw", Ct));
        Assert.DoesNotContain("audit@example.com", raw, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_transcript_says_the_message_came_from_the_api_and_names_the_caller()
    {
        var result = await CreatedAsync(await PostJsonAsync(new { from = "a@example.com", to = new[] { "b@example.com" }, subject = "hi", text = "x" }));

        var session = (await _host.GetJsonAsync<SessionDto>($"api/v1/sessions/{result.SessionId}"))!;
        Assert.StartsWith("127.0.0.1:", session.ClientAddress, StringComparison.Ordinal);
        Assert.Equal([result.Id], session.MessageIds);
        Assert.Contains(session.Transcript!, l => l.Direction == "info" && l.Text.Contains("POST /api/v1/send (JSON)", StringComparison.Ordinal));
        Assert.Contains(session.Transcript!, l => l.Text.Contains($"stored as message {result.Id}", StringComparison.Ordinal));
        var detail = (await _host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{result.Id}"))!;
        Assert.Equal(session.ClientAddress, detail.ClientAddress);
    }

    [Fact]
    public async Task Raw_message_is_stored_byte_exact_with_the_envelope_from_its_header()
    {
        const string raw = "From: App <app@example.com>\r\nTo: one@example.com, Two <two@example.com>\r\nBcc: hidden@example.com\r\nSubject: Raw one\r\n\r\nBody line\r\n";
        var result = await CreatedAsync(await PostRawAsync(raw));

        Assert.Equal(raw, Encoding.UTF8.GetString(await _host.Http.GetByteArrayAsync($"api/v1/messages/{result.Id}/raw", Ct)));
        var detail = (await _host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{result.Id}"))!;
        Assert.Equal("app@example.com", detail.EnvelopeFrom);
        Assert.Equal(["one@example.com", "two@example.com", "hidden@example.com"], detail.EnvelopeTo);
    }

    [Fact]
    public async Task Raw_message_takes_the_envelope_from_the_query_and_gains_a_final_CRLF()
    {
        var result = await CreatedAsync(await PostRawAsync("Subject: no addresses\r\n\r\nno final line break", "?from=bounce%40example.com&to=x%40example.com&to=y%40example.com"));

        var detail = (await _host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{result.Id}"))!;
        Assert.Equal("bounce@example.com", detail.EnvelopeFrom);
        Assert.Equal(["x@example.com", "y@example.com"], detail.EnvelopeTo);
        var raw = Encoding.UTF8.GetString(await _host.Http.GetByteArrayAsync($"api/v1/messages/{result.Id}/raw", Ct));
        Assert.Equal("Subject: no addresses\r\n\r\nno final line break\r\n", raw);
    }

    [Fact]
    public async Task A_sent_message_is_found_by_search_and_announced_to_waiters()
    {
        var waiting = _host.Http.GetAsync("api/v1/messages/wait?q=subject%3Aseeded&timeout=30", Ct);
        await CreatedAsync(await PostJsonAsync(new { from = "a@example.com", to = new[] { "seed@example.com" }, subject = "Seeded data", text = "x" }));

        var woken = await waiting;
        Assert.Equal(HttpStatusCode.OK, woken.StatusCode);
        Assert.Equal(["Seeded data"], await _host.SubjectsAsync("to:seed@example.com"));
    }

    [Theory]
    [InlineData("""{"to":["b@example.com"],"text":"x"}""", "from is required")]
    [InlineData("""{"from":"not an address","to":["b@example.com"]}""", "is not an e-mail address")]
    [InlineData("""{"from":"a@example.com"}""", "At least one recipient")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"subject":"two\r\nBcc: injected@example.com"}""", "line breaks")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"headers":{"X-A":"one\r\nBcc: x@example.com"}}""", "one line")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"headers":{"Subject":"again"}}""", "set from the request's own fields")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"headers":{"Bad Name":"x"}}""", "not a header field name")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"attachments":[{"name":"a.bin","content":"***"}]}""", "base64")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"attachments":[{"content":"AA=="}]}""", "name")]
    [InlineData("""{"from":"a@example.com","to":["b@example.com"],"attachments":[{"name":"a","content":"AA==","contentType":"nope"}]}""", "not a MIME type")]
    [InlineData("""{"from": """, "malformed")]
    [InlineData("null", "JSON null")]
    public async Task Bad_json_requests_are_400_problems_and_store_nothing(string json, string detail)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await ApiAssert.ProblemAsync(await _host.Http.PostAsync("api/v1/send", content, Ct), HttpStatusCode.BadRequest, detail);
        Assert.Equal(0, (await _host.SearchAsync("")).Total);
    }

    [Fact]
    public async Task Raw_message_without_recipients_is_400()
        => await ApiAssert.ProblemAsync(await PostRawAsync("Subject: nobody\r\n\r\nx\r\n"), HttpStatusCode.BadRequest, "No recipient");

    [Fact]
    public async Task Other_media_types_are_415()
    {
        using var content = new StringContent("hello", Encoding.UTF8, "text/plain");
        await ApiAssert.ProblemAsync(await _host.Http.PostAsync("api/v1/send", content, Ct), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Messages_over_the_size_limit_are_413_and_the_server_stays_healthy()
    {
        var big = "Subject: big\r\nTo: a@example.com\r\n\r\n" + new string('x', 250_000) + "\r\n";
        await ApiAssert.ProblemAsync(await PostRawAsync(big), HttpStatusCode.RequestEntityTooLarge, "--max-message-size");
        await ApiAssert.ProblemAsync(await PostJsonAsync(new { from = "a@example.com", to = new[] { "b@example.com" }, text = new string('y', 250_000) }), HttpStatusCode.RequestEntityTooLarge);

        await CreatedAsync(await PostJsonAsync(new { from = "a@example.com", to = new[] { "b@example.com" }, subject = "after", text = "x" }));
        Assert.Equal(1, (await _host.SearchAsync("")).Total);
    }
}
