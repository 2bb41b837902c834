using System.Net;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Web.Tests.Api;

/// <summary><c>/html</c>, <c>/text</c> and <c>/parts/{partId}</c>: hostile HTML locked down, parts served as downloads.</summary>
public sealed class MessageBodiesApiTests : IAsyncLifetime
{
    private const string HostileHtml = """
        <html><head><script>alert('head')</script><base href="https://evil.example/"></head>
        <body onload="alert('load')">
          <h1>Hello <b>there</b></h1>
          <p>Logo: <img id="logo" src="cid:logo@example.com" alt="logo"></p>
          <p><img id="pixel" src="https://tracker.example/pixel.gif" width="1" height="1"></p>
          <a id="site" href="https://example.com/welcome" target="_self">Visit</a>
          <a id="js" href="javascript:alert('link')">Click</a>
          <div onclick="alert('click')" onmouseover="alert('over')">hover me</div>
          <iframe src="https://evil.example/frame"></iframe>
          <script>console.log('body')</script>
        </body></html>
        """;

    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> SendAsync(MimeMessage message)
    {
        await MailSender.SendAsync(_host.SmtpPort, message);
        var page = await Eventually.GetAsync(async () =>
        {
            var p = await _host.Http.GetFromJsonAsync<PageDto>("/api/v1/messages", TestJson.Options, Ct);
            return p!.Messages.FirstOrDefault(m => m.Subject == message.Subject);
        });
        return page.Id;
    }

    private static MimePart Logo() => new("image", "png")
    {
        Content = new MimeContent(new MemoryStream(MailSender.Png)),
        ContentId = "logo@example.com",
        FileName = "logo.png",
        ContentTransferEncoding = ContentEncoding.Base64,
    };

    [Fact]
    public async Task Html_is_served_under_a_CSP_that_forbids_scripts_and_remote_loads()
    {
        var id = await SendAsync(MailSender.Html("hostile", HostileHtml, null, Logo()));

        var response = await _host.Http.GetAsync($"/api/v1/messages/{id}/html", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'none'", csp);
        var sources = csp.Split([';', ' '], StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("http:", sources);
        Assert.DoesNotContain("https:", sources);
        Assert.DoesNotContain("*", sources);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("1", response.Headers.GetValues("X-Blocked-Remote-Images").Single());
    }

    [Fact]
    public async Task Html_loses_scripts_handlers_and_javascript_links_and_points_cid_at_the_parts()
    {
        var id = await SendAsync(MailSender.Html("rewritten", HostileHtml, null, Logo()));
        var detail = await _host.Http.GetFromJsonAsync<DetailDto>($"/api/v1/messages/{id}", TestJson.Options, Ct);
        var logoPart = detail!.Attachments.Single(p => p.ContentId == "logo@example.com").PartId;

        var html = await _host.Http.GetStringAsync($"/api/v1/messages/{id}/html", Ct);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<base", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"src=\"/api/v1/messages/{id}/parts/{logoPart}\"", html);
        Assert.DoesNotContain(" src=\"https://tracker.example", html);
        Assert.Contains("data-blocked-src=\"https://tracker.example/pixel.gif\"", html);
        Assert.Contains("href=\"https://example.com/welcome\" target=\"_blank\" rel=\"noopener noreferrer\"", html);
        Assert.DoesNotContain("_self", html);
        Assert.Contains("<b>there</b>", html);
    }

    [Fact]
    public async Task AllowRemote_opens_img_src_and_nothing_else()
    {
        var id = await SendAsync(MailSender.Html("remote", HostileHtml));

        var response = await _host.Http.GetAsync($"/api/v1/messages/{id}/html?allowRemote=true", Ct);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Contains("https:", directives["img-src"]);
        Assert.Equal("script-src 'none'", directives["script-src"]);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.DoesNotContain("https:", directives["font-src"]);
        Assert.DoesNotContain("https:", directives["style-src"]);
        Assert.Contains("src=\"https://tracker.example/pixel.gif\"", html);
        Assert.Equal("0", response.Headers.GetValues("X-Blocked-Remote-Images").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Text_is_the_text_body_when_there_is_one()
    {
        var id = await SendAsync(MailSender.Html("both", "<p>html version</p>", "plain version"));
        var response = await _host.Http.GetAsync($"/api/v1/messages/{id}/text", Ct);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("plain version", (await response.Content.ReadAsStringAsync(Ct)).Trim());
    }

    [Fact]
    public async Task Text_is_rendered_from_the_html_when_there_is_no_text_body()
    {
        var id = await SendAsync(MailSender.Html("html only", "<style>p{color:red}</style><h1>Welcome</h1><p>Your code is <b>123456</b>.</p><ul><li>one</li><li>two</li></ul>"));
        var text = await _host.Http.GetStringAsync($"/api/v1/messages/{id}/text", Ct);
        Assert.Equal("Welcome\nYour code is 123456.\n\n- one\n- two", text);
    }

    [Fact]
    public async Task A_part_is_a_download_of_its_own_type_that_may_not_be_sniffed()
    {
        var message = MailSender.Basic("with attachment");
        var builder = new BodyBuilder { TextBody = "see attached" };
        builder.Attachments.Add("report.html", "<script>alert(1)</script>"u8.ToArray(), new ContentType("text", "html"));
        builder.Attachments.Add("pixel.png", MailSender.Png, new ContentType("image", "png"));
        message.Body = builder.ToMessageBody();
        var id = await SendAsync(message);
        var detail = await _host.Http.GetFromJsonAsync<DetailDto>($"/api/v1/messages/{id}", TestJson.Options, Ct);

        var htmlPart = detail!.Attachments.Single(p => p.FileName == "report.html");
        var response = await _host.Http.GetAsync($"/api/v1/messages/{id}/parts/{htmlPart.PartId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("report.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var pngPart = detail.Attachments.Single(p => p.FileName == "pixel.png");
        var png = await _host.Http.GetAsync($"/api/v1/messages/{id}/parts/{pngPart.PartId}", Ct);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MailSender.Png, await png.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("/api/v1/messages/999999/html")]
    [InlineData("/api/v1/messages/999999/text")]
    [InlineData("/api/v1/messages/999999/parts/1")]
    public async Task A_missing_message_is_404_problem_details(string path)
    {
        var response = await _host.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missing_bodies_and_parts_are_404_and_a_bad_part_id_is_400()
    {
        var id = await SendAsync(MailSender.Text("plain only", "just text"));

        var html = await _host.Http.GetAsync($"/api/v1/messages/{id}/html", Ct);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        Assert.Equal("application/problem+json", html.Content.Headers.ContentType?.MediaType);

        var part = await _host.Http.GetAsync($"/api/v1/messages/{id}/parts/7.3", Ct);
        Assert.Equal(HttpStatusCode.NotFound, part.StatusCode);

        var bad = await _host.Http.GetAsync($"/api/v1/messages/{id}/parts/..%2Fetc", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }
}
