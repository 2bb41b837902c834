using System.Globalization;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>A viewer in India reads every time on India's clock (+05:30), told by their own browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class LocalTimeBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan Kolkata = new(5, 30, 0);

    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Times_are_shown_in_the_browsers_time_zone()
    {
        var id = await HostMail.SendAsync(_host, MailSender.Text("Local time please", "hello"));
        var received = (await _host.Http.GetFromJsonAsync<Received>($"/api/v1/messages/{id}", TestJson.Options, TestContext.Current.CancellationToken))!.ReceivedAt;
        // Worked out here by hand, not by the formatter under test: UTC plus five and a half hours.
        var local = received.ToUniversalTime() + Kolkata;
        var exact = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +05:30";
        var page = await browser.NewPageAsync(timezoneId: "Asia/Kolkata");

        await InboxPage.OpenAsync(page, _host.HttpPort, $"/messages/{id}");

        var rowTime = InboxPage.Row(page, "Local time please").Locator("time");
        await Expect(rowTime).ToHaveAttributeAsync("title", exact);
        await Expect(rowTime).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("Z$"));
        var paneTime = page.Locator("[data-testid=received-at]");
        await Expect(paneTime).ToHaveAttributeAsync("title", exact);
        await Expect(paneTime).ToHaveTextAsync(local.ToString("MMM d, yyyy HH:mm", CultureInfo.InvariantCulture) + " +05:30");
        await Expect(page.Locator("[data-testid=reader]")).Not.ToContainTextAsync("UTC");
    }

    private sealed record Received(DateTime ReceivedAt);
}
