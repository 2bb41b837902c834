using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>Log-in in a real browser: a logged-out browser sees nothing, the form logs in, a reader cannot change anything; and the UI under a base path.</summary>
[Collection(BrowserTests.Name)]
public sealed class LogInBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Users = ["--ui-user", "admin:admin-pass-1", "--ui-user", "qa:qa-pass-1:reader", "--api-token", "ci:ci-token-0123456789abcdef"];

    /// <summary>A client for the test's own checks, with the admin token.</summary>
    private static async Task<long> SendAsync(TestHost host, string subject)
    {
        host.Http.DefaultRequestHeaders.Authorization = new("Bearer", "ci-token-0123456789abcdef");
        return await HostMail.SendAsync(host, MailSender.Text(subject, "the secret body 482913"));
    }

    private static async Task LogInAsync(IPage page, string name, string password)
    {
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
    }

    [Fact]
    public async Task A_logged_out_browser_sees_only_the_log_in_page_and_logging_in_opens_the_inbox()
    {
        await using var host = await TestHost.StartAsync(Users);
        await SendAsync(host, "Secret reset for ann");
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"http://127.0.0.1:{host.HttpPort}/messages/1");
        await Expect(page.Locator("[data-testid=login-form]")).ToBeVisibleAsync();
        Assert.StartsWith($"http://127.0.0.1:{host.HttpPort}/login?returnUrl=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Secret reset");
        var api = await page.APIRequest.GetAsync($"http://127.0.0.1:{host.HttpPort}/api/v1/messages");
        Assert.Equal(401, api.Status);
        Assert.DoesNotContain("Secret reset", await api.TextAsync(), StringComparison.Ordinal);
        await TakeScreenshotAsync(page);

        await LogInAsync(page, "admin", "wrong");
        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Wrong user name or password.");
        await LogInAsync(page, "admin", "admin-pass-1");

        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Secret reset for ann");
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("admin");
        await Expect(page.Locator("[data-testid=reader-delete]")).ToBeVisibleAsync();

        await page.Locator("[data-testid=log-out-link]").ClickAsync();
        await page.Locator("[data-testid=logout-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=login-form]")).ToBeVisibleAsync();
        await page.GotoAsync($"http://127.0.0.1:{host.HttpPort}/");
        await Expect(page.Locator("[data-testid=login-form]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reader_sees_no_button_that_changes_anything_and_reading_marks_nothing_read()
    {
        await using var host = await TestHost.StartAsync(Users);
        var id = await SendAsync(host, "Observed by QA");
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"http://127.0.0.1:{host.HttpPort}/messages/{id}");
        await LogInAsync(page, "qa", "qa-pass-1");

        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Observed by QA");
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("qa (reader)");
        await Expect(page.Locator("[data-testid=reader-delete]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=reader-release]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=delete-all]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=nav-tokens]")).ToHaveCountAsync(0);
        Assert.False((await HostMail.ListAsync(host)).Messages.Single().IsRead);
    }

    [Fact]
    public async Task Under_a_base_path_the_inbox_opens_a_message_and_shows_new_mail_live()
    {
        await using var host = await TestHost.StartAsync("--base-path", "/mail");
        host.Http.BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}/mail/");
        await HostMail.SendAsync(host, MailSender.Html("Welcome under a base path", "<p id='hello'>Hello from the preview</p>"));
        var page = await browser.NewPageAsync();

        await InboxPage.OpenAsync(page, host.HttpPort, "/mail/");
        await InboxPage.Row(page, "Welcome under a base path").ClickAsync();

        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Welcome under a base path");
        Assert.Matches(@"/mail/messages/\d+$", page.Url);
        await Expect(InboxPage.Preview(page).Locator("#hello")).ToHaveTextAsync("Hello from the preview");
        await MailSender.SendAsync(host.SmtpPort, MailSender.Text("Arrived live", "hi"));
        await Expect(InboxPage.Row(page, "Arrived live")).ToBeVisibleAsync();
        await page.Locator("a.nav-link[href='sessions']").ClickAsync();
        Assert.EndsWith("/mail/sessions", page.Url, StringComparison.Ordinal);
    }

    /// <summary>The README's picture of the log-in page (light), like the other screenshots.</summary>
    private static async Task TakeScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable("MAILCATCHER_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(ScreenshotTests.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "login-desktop-light.png") });
    }
}
