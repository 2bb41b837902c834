using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>The reading pane in a real browser: the HTML preview, hostile mail, remote images, the SMTP tab, sessions.</summary>
[Collection(BrowserTests.Name)]
public sealed class MessageBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_html_preview_renders_with_its_inline_image()
    {
        var logo = new MimePart("image", "png")
        {
            Content = new MimeContent(new MemoryStream(MailSender.Png)),
            ContentId = "logo@example.com",
            FileName = "logo.png",
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        var id = await HostMail.SendAsync(_host, MailSender.Html("Rendered preview",
            "<html><body><h1 id='title'>Hello from HTML</h1><img id='logo' src='cid:logo@example.com' width='20' height='20'></body></html>", "text", logo));
        var page = await browser.NewPageAsync();

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");

        var preview = InboxPage.Preview(page);
        await Expect(preview.Locator("#title")).ToHaveTextAsync("Hello from HTML");
        await Expect(preview.Locator("#logo")).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Expect(page.Locator("iframe[data-testid=html-preview]")).ToHaveAttributeAsync("sandbox", "allow-popups allow-popups-to-escape-sandbox");

        await page.Locator(".tab[data-tab=parts]").ClickAsync();
        await Expect(page.Locator("[data-testid=parts]")).ToContainTextAsync("logo.png");
        await page.Locator(".tab[data-tab=text]").ClickAsync();
        await Expect(page.Locator("[data-testid=text-body]")).ToHaveTextAsync("text");
        await page.Locator(".tab[data-tab=source]").ClickAsync();
        await Expect(page.Locator("[data-testid=source]")).ToContainTextAsync("Subject: Rendered preview");
        await page.Locator(".tab[data-tab=mime]").ClickAsync();
        await Expect(page.Locator("[data-testid=mime-tree]")).ToContainTextAsync("multipart/related");
    }

    [Fact]
    public async Task Scripts_handlers_and_javascript_links_in_a_message_never_run()
    {
        const string Hostile = """
            <html><head>
              <script>alert('pwned-head'); console.log('pwned-head'); top.location = 'https://evil.example/';</script>
              <meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
            </head>
            <body onload="alert('pwned-onload')">
              <h1 id="title">Totally normal newsletter</h1>
              <img src="x" onerror="alert('pwned-onerror'); console.log('pwned-onerror')">
              <a id="jslink" href="javascript:alert('pwned-link');console.log('pwned-link')">Claim your prize</a>
              <a id="entitylink" href="jav&#x09;ascript:alert('pwned-entity')">Another prize</a>
              <div id="hover" onmouseover="alert('pwned-hover')" onclick="console.log('pwned-click')">Hover me</div>
              <svg><script>alert('pwned-svg')</script></svg>
              <iframe srcdoc="<script>alert('pwned-srcdoc')</script>"></iframe>
              <form action="javascript:alert('pwned-form')"><button id="submit">Go</button></form>
            </body></html>
            """;
        var id = await HostMail.SendAsync(_host, MailSender.Html("Hostile newsletter", Hostile));
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        var console = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        page.Console += (_, message) => console.Add(message.Text);
        var popups = 0;
        page.Popup += (_, _) => popups++;

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");
        var preview = InboxPage.Preview(page);
        await Expect(preview.Locator("#title")).ToHaveTextAsync("Totally normal newsletter");
        var appUrl = page.Url;
        var frameUrl = page.Frames.Single(f => f != page.MainFrame).Url;

        await preview.Locator("#hover").HoverAsync();
        await preview.Locator("#hover").ClickAsync();
        await preview.Locator("#jslink").ClickAsync();
        await preview.Locator("#entitylink").ClickAsync();
        await preview.Locator("#submit").ClickAsync();
        // Let anything that was going to happen happen: a round trip through both frames.
        await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 500))");
        await Expect(preview.Locator("#title")).ToBeVisibleAsync();

        Assert.Empty(dialogs);
        Assert.DoesNotContain(console, text => text.Contains("pwned", StringComparison.Ordinal));
        Assert.Equal(appUrl, page.Url);
        Assert.Equal(frameUrl, page.Frames.Single(f => f != page.MainFrame).Url);
        Assert.Equal(0, popups);
        Assert.Single(page.Context.Pages);
    }

    [Fact]
    public async Task A_blocked_remote_image_is_not_requested_until_the_user_allows_it()
    {
        await using var remote = new RemoteImageServer();
        var id = await HostMail.SendAsync(_host, MailSender.Html("Tracking pixel",
            $"<p id='body'>Newsletter</p><img id='pixel' src='http://127.0.0.1:{remote.Port}/pixel.png' width='1' height='1'>"));
        var page = await browser.NewPageAsync();

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");
        var preview = InboxPage.Preview(page);
        await Expect(preview.Locator("#body")).ToHaveTextAsync("Newsletter");
        await Expect(page.Locator("[data-testid=remote-blocked]")).ToContainTextAsync("1 remote image blocked");
        await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 500))");
        Assert.Equal(0, remote.Requests);

        await page.Locator("[data-testid=load-remote]").ClickAsync();

        await Expect(preview.Locator("#pixel")).ToHaveJSPropertyAsync("naturalWidth", 1);
        Assert.True(remote.Requests >= 1);
    }

    [Fact]
    public async Task The_smtp_tab_and_the_sessions_page_show_the_transcript()
    {
        var id = await HostMail.SendAsync(_host, MailSender.Text("Transcript please", "hello", from: "app@example.com", to: "qa@example.net"));
        var page = await browser.NewPageAsync();
        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");

        await page.Locator(".tab[data-tab=smtp]").ClickAsync();
        await Expect(page.Locator(".envelope")).ToContainTextAsync("<app@example.com>");
        await Expect(page.Locator(".envelope")).ToContainTextAsync("<qa@example.net>");
        await Expect(page.Locator(".tline.client").Filter(new() { HasText = "MAIL FROM:<app@example.com>" })).ToBeVisibleAsync();
        await Expect(page.Locator(".tline.server").Filter(new() { HasText = "250" }).First).ToBeVisibleAsync();

        await page.Locator("a[href='sessions']").ClickAsync();
        await page.Locator(".session-row").First.ClickAsync();
        var detail = page.Locator("[data-testid=session-detail]");
        await Expect(detail.Locator(".tline.client").First).ToContainTextAsync("EHLO");
        await Expect(detail.Locator(".tline.server").First).ToContainTextAsync("220");
        await detail.Locator("[data-testid=session-message-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Transcript please");
    }
}
