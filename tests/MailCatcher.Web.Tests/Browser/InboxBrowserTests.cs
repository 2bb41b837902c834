using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>The inbox in a real browser: live arrival, delete, search, keyboard, theme.</summary>
[Collection(BrowserTests.Name)]
public sealed class InboxBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task New_mail_appears_without_a_reload_and_the_title_counts_unread()
    {
        var page = await browser.NewPageAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;
        await InboxPage.OpenAsync(page, _host.HttpPort);
        await Expect(page.Locator("[data-testid=empty-list]")).ToBeVisibleAsync();

        await MailSender.SendAsync(_host.SmtpPort, MailSender.Text("Live arrival", "hello", from: "alice@example.com"));

        var row = InboxPage.Row(page, "Live arrival");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        await Expect(row.Locator("time")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$"));
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(1\) Inbox"));
        await Expect(page.Locator("[data-testid=unread-count]")).ToHaveTextAsync("1");
        Assert.Equal(1, loads);

        // Opening it marks it read, as an explicit update: the title loses its count.
        await row.ClickAsync();
        await Expect(page.Locator("[data-testid=reader]")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^Inbox"));
        await Expect(row).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        Assert.True((await HostMail.ListAsync(_host)).Messages.Single().IsRead);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Delete_removes_the_open_message_and_delete_all_asks_first()
    {
        var first = await HostMail.SendAsync(_host, MailSender.Text("Delete me first", "1"));
        await HostMail.SendAsync(_host, MailSender.Text("Delete me second", "2"));
        await HostMail.SendAsync(_host, MailSender.Text("Delete me third", "3"));
        var page = await browser.NewPageAsync();
        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{first}");
        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Delete me first");

        await page.Locator("[data-testid=reader-delete]").ClickAsync();

        await Expect(InboxPage.Row(page, "Delete me first")).ToHaveCountAsync(0);
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(2);
        Assert.DoesNotContain((await HostMail.ListAsync(_host)).Messages, m => m.Id == first);

        await page.Locator("[data-testid=delete-all]").ClickAsync();
        await Expect(page.Locator("[role=alertdialog]")).ToContainTextAsync("2 messages");
        Assert.Equal(2, (await HostMail.ListAsync(_host)).Total); // nothing happens before confirming
        await page.Locator("[data-testid=confirm-delete-all]").ClickAsync();

        await Expect(page.Locator("[data-testid=empty-list]")).ToBeVisibleAsync();
        Assert.Equal(0, (await HostMail.ListAsync(_host)).Total);
    }

    [Fact]
    public async Task Slash_focuses_search_and_the_list_shows_only_matches()
    {
        await HostMail.SendAsync(_host, MailSender.Text("Your invoice for March", "amount due", from: "billing@shop.example"));
        await HostMail.SendAsync(_host, MailSender.Text("Welcome aboard", "hi", from: "hello@app.example"));
        await HostMail.SendAsync(_host, MailSender.Text("Password reset", "code", from: "security@app.example"));
        var page = await browser.NewPageAsync();
        await InboxPage.OpenAsync(page, _host.HttpPort);
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(3);

        await page.Locator("body").PressAsync("/");
        await Expect(page.Locator("#search")).ToBeFocusedAsync();
        // Fill sends the word as one input event. Typed key by key on a machine loaded to 25+,
        // Blazor Server's round trip can re-render the box with an older value between keys
        // (a known limit of value= + oninput under high latency, recorded in the closing note).
        await page.Locator("#search").FillAsync("invoice");

        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(1);
        await Expect(InboxPage.Row(page, "Your invoice for March")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=invoice$"));

        await page.Locator("#search").FillAsync("app.example");
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(2);

        await page.Locator("#search").FillAsync("nothing-like-this");
        await Expect(page.Locator("[data-testid=empty-list]")).ToContainTextAsync("No matches");

        await page.Locator("#search").FillAsync("");
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Keys_move_open_and_delete_and_question_mark_shows_the_shortcuts()
    {
        await HostMail.SendAsync(_host, MailSender.Text("Oldest", "1"));
        await HostMail.SendAsync(_host, MailSender.Text("Middle", "2"));
        await HostMail.SendAsync(_host, MailSender.Text("Newest", "3"));
        var page = await browser.NewPageAsync();
        await InboxPage.OpenAsync(page, _host.HttpPort);
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(3);

        await page.Keyboard.PressAsync("j");
        await Expect(InboxPage.Row(page, "Newest")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cursor"));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("k");
        await Expect(InboxPage.Row(page, "Middle")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cursor"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Middle");

        await page.Keyboard.PressAsync("Delete");
        await Expect(InboxPage.Row(page, "Middle")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=reader] h1")).ToHaveTextAsync("Oldest");

        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("#shortcuts")).ToBeVisibleAsync();
        await Expect(page.Locator("#shortcuts")).ToContainTextAsync("Next message");
    }

    [Fact]
    public async Task The_theme_follows_the_system_and_the_toggle_is_remembered()
    {
        var page = await browser.NewPageAsync(colorScheme: ColorScheme.Dark);
        await InboxPage.OpenAsync(page, _host.HttpPort);
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(12, 14, 18)", background);

        await page.Locator("#theme-toggle").ClickAsync();
        Assert.Equal("light", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        Assert.Equal("rgb(246, 247, 249)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));

        await page.ReloadAsync();
        await page.Locator(".list-actions").WaitForAsync();
        Assert.Equal("rgb(246, 247, 249)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }
}
