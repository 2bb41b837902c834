using System.Text.RegularExpressions;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>Issue 13 in a real browser: the UI shows only the chosen inbox, the switcher's unread counts are live, "Delete all" stays in the open inbox.</summary>
[Collection(BrowserTests.Name)]
public sealed class InboxSwitcherBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartAsync("--inbox", "team-a=team-a.test", "--inbox", "team-b=team-b.test");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_url_picks_the_inbox_the_switcher_changes_it_and_delete_all_stays_inside()
    {
        await HostMail.SendAsync(_host, MailSender.Text("For A one", "1", to: "ann@team-a.test"));
        await HostMail.SendAsync(_host, MailSender.Text("For B one", "2", to: "bob@team-b.test"));
        await HostMail.SendAsync(_host, MailSender.Text("For B two", "3", to: "bea@team-b.test"));
        var page = await browser.NewPageAsync();

        await InboxPage.OpenAsync(page, _host.HttpPort, "/?inbox=team-a");
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(1);
        await Expect(InboxPage.Row(page, "For A one")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=inbox-team-a]")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("[data-testid=inbox-unread-team-b]")).ToHaveTextAsync("2");

        await page.Locator("[data-testid=inbox-team-b]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?inbox=team-b$"));
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(2);
        await Expect(InboxPage.Row(page, "For A one")).ToHaveCountAsync(0);

        // Mail for the other inbox arrives: its count rises, this list does not change.
        await MailSender.SendAsync(_host.SmtpPort, MailSender.Text("For A two", "4", to: "al@team-a.test"));
        await Expect(page.Locator("[data-testid=inbox-unread-team-a]")).ToHaveTextAsync("2");
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(2);

        await page.Locator("[data-testid=delete-all]").ClickAsync();
        await Expect(page.Locator("text=in the inbox team-b")).ToBeVisibleAsync();
        await page.Locator("[data-testid=confirm-delete-all]").ClickAsync();
        await Expect(page.Locator("[data-testid=empty-list]")).ToBeVisibleAsync();
        var left = (await HostMail.ListAsync(_host)).Messages.Select(m => m.Subject).Order(StringComparer.Ordinal);
        Assert.Equal(["For A one", "For A two"], left);

        await page.Locator("[data-testid=inbox-all]").ClickAsync();
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(2);
    }
}
