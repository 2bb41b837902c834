using System.Globalization;
using MailCatcher.Relay.Queue;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>
/// Release in a real browser: a host relays to a second MailCatcher, a user releases a message
/// through the dialog and watches the entry reach <c>sent</c> on the Outbox page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OutboxBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _target = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _target = await TestHost.StartAsync();
        _host = await TestHost.StartAsync("--relay-host", "127.0.0.1", "--relay-port", _target.SmtpPort.ToString(CultureInfo.InvariantCulture), "--relay-tls", "none");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task A_message_released_through_the_dialog_reaches_the_relay_and_shows_sent_in_the_outbox()
    {
        var ct = TestContext.Current.CancellationToken;
        var relay = _host.Services.GetRequiredService<RelayOutbox>();
        foreach (var (subject, to) in new[] { ("Your receipt #1042", "ana@example.org"), ("Weekly digest", "team@example.org") })
        {
            var earlier = await HostMail.SendAsync(_host, MailSender.Text(subject, "Hello.", to: to));
            await relay.ReleaseAsync(earlier, null, ct);
        }
        var id = await HostMail.SendAsync(_host, MailSender.Text("Reset your password", "Follow the link.", to: "lee@example.org"));
        var page = await browser.NewPageAsync(1440, 900);

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");
        await page.Locator("[data-testid=reader-release]").ClickAsync();
        var dialog = page.Locator("[data-testid=release-dialog]");
        await Expect(dialog.Locator("[data-testid=release-to]")).ToHaveValueAsync("lee@example.org");
        await dialog.Locator("[data-testid=release-to]").FillAsync("lee@example.org\nqa@example.org");
        await dialog.Locator("[data-testid=release-send]").ClickAsync();
        await Expect(dialog.Locator("[data-testid=outbox-state]")).ToHaveAttributeAsync("data-state", "sent");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "release-dialog-desktop-light.png") });

        await dialog.Locator("[data-testid=release-open-outbox]").ClickAsync();
        var detail = page.Locator("[data-testid=outbox-detail]");
        await Expect(detail.Locator("h1 [data-testid=outbox-state]")).ToHaveAttributeAsync("data-state", "sent");
        await Expect(detail.Locator(".facts")).ToContainTextAsync("lee@example.org, qa@example.org");
        await Expect(detail.Locator("[data-testid=relay-transcript] .tline.client").Filter(new() { HasText = "RCPT TO:<qa@example.org>" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=outbox-row]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=outbox-row]").First).ToContainTextAsync("lee@example.org, qa@example.org");
        await Expect(page.Locator("[data-testid=outbox-row] [data-state=sent]")).ToHaveCountAsync(3);

        var received = await Eventually.GetAsync(async () =>
            (await HostMail.ListAsync(_target)).Messages.FirstOrDefault(m => m.Subject == "Reset your password"));
        Assert.Equal("Reset your password", received.Subject);

        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "outbox-desktop-light.png") });
    }

    /// <summary>The README's pictures with <c>MAILCATCHER_UPDATE_SCREENSHOTS=1</c>, the test output folder otherwise.</summary>
    private static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("MAILCATCHER_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(ScreenshotTests.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
