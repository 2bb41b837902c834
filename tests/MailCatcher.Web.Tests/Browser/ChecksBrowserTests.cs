using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>The reading pane's Checks tab in a real browser, the list's failure marker, and the README's screenshots of the tab.</summary>
[Collection(BrowserTests.Name)]
public sealed class ChecksBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A newsletter that breaks rules on purpose: no List-Unsubscribe, an image without alt, a video, flexbox.</summary>
    private static MimeMessage Newsletter()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Northwind", "news@northwind.dev"));
        message.To.Add(MailboxAddress.Parse("maria@example.com"));
        message.Subject = "Northwind weekly: what's new";
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = "weekly-42@northwind.dev";
        message.Headers.Add("Precedence", "bulk");
        var builder = new BodyBuilder
        {
            TextBody = "What's new this week. Unsubscribe: https://northwind.dev/unsubscribe",
            HtmlBody = """
                <!doctype html>
                <html><head><style>
                  .card { display: flex; gap: 12px; box-shadow: 0 1px 3px #0002 }
                  @media (prefers-color-scheme: dark) { .card { background: #111 } }
                </style></head>
                <body>
                  <div class="card"><img src="https://northwind.dev/hero.webp"><p>Three new features shipped this week.</p></div>
                  <video src="https://northwind.dev/demo.mp4" controls></video>
                  <p><a href="https://northwind.dev/unsubscribe">Unsubscribe</a></p>
                </body></html>
                """,
        };
        message.Body = builder.ToMessageBody();
        return message;
    }

    [Fact]
    public async Task The_checks_tab_shows_counts_and_findings_and_the_list_marks_the_message()
    {
        var id = await HostMail.SendAsync(_host, Newsletter());
        var page = await browser.NewPageAsync();

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");
        await Expect(InboxPage.Row(page, "Northwind weekly").Locator("[data-testid=check-failed]")).ToHaveCountAsync(0);
        await page.Locator(".tab[data-tab=checks]").ClickAsync();

        var checks = page.Locator("[data-testid=checks]");
        await Expect(checks.Locator("[data-check=senderRules] .check-item.fail")).ToContainTextAsync("One-click unsubscribe");
        await Expect(checks.Locator("[data-check=senderRules] .check-item.warn")).ToContainTextAsync("Image alt text");
        await Expect(checks.Locator("[data-check=html]")).ToContainTextAsync("<video> element");
        await Expect(checks.Locator("[data-check=html] .client-bar").First).ToContainTextAsync("Gmail");
        Assert.True(int.Parse(await page.Locator("[data-testid=checks-failures]").InnerTextAsync()) >= 1);
        await Expect(InboxPage.Row(page, "Northwind weekly").Locator("[data-testid=check-failed]")).ToHaveCountAsync(1);

        await page.Locator("[data-testid=check-spam]").ClickAsync();
        await Expect(page.Locator("[data-testid=spam-summary]")).ToContainTextAsync("--spamassassin");
    }

    [Theory]
    [MemberData(nameof(ScreenshotTests.Views), MemberType = typeof(ScreenshotTests))]
    public async Task Screenshots_of_the_checks_tab(string name, int width, int height, ColorScheme scheme)
    {
        var id = await HostMail.SendAsync(_host, Newsletter());
        var folder = Environment.GetEnvironmentVariable("MAILCATCHER_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(ScreenshotTests.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var page = await browser.NewPageAsync(width, height, scheme);

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");
        await page.Locator(".tab[data-tab=checks]").ClickAsync();
        await Expect(page.Locator("[data-check=html] .check-item").First).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"checks-{name}.png") });
        Assert.True(File.Exists(Path.Combine(folder, $"checks-{name}.png")));
    }
}
