using MailCatcher.Storage.Database;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>100,000 stored messages: the list opens and scrolls end to end while the page holds only a window of rows.</summary>
[Collection(BrowserTests.Name)]
public sealed class ScaleBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int Bulk = 100_000;

    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(new[] { "--max-messages", "0" });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_hundred_thousand_messages_open_and_scroll_with_only_a_window_rendered()
    {
        await HostMail.SendAsync(_host, MailSender.Text("The very first message", "oldest"));
        await CopyFirstMessageAsync(Bulk);
        var page = await browser.NewPageAsync();

        await InboxPage.OpenAsync(page, _host.HttpPort);

        await Expect(page.Locator("[data-testid=message-count]")).ToHaveTextAsync("100,001 messages");
        await Expect(InboxPage.Row(page, $"Bulk {Bulk}")).ToBeVisibleAsync();
        Assert.InRange(await InboxPage.Rows(page).CountAsync(), 1, 100);

        await page.EvalOnSelectorAsync("#message-list", "list => list.scrollTop = list.scrollHeight");
        await Expect(InboxPage.Row(page, "The very first message")).ToBeVisibleAsync();
        Assert.InRange(await InboxPage.Rows(page).CountAsync(), 1, 100);

        await page.EvalOnSelectorAsync("#message-list", "list => list.scrollTop = list.scrollHeight / 2");
        await Expect(InboxPage.Row(page, "Bulk 50000")).ToBeVisibleAsync();
        Assert.InRange(await InboxPage.Rows(page).CountAsync(), 1, 100);
    }

    /// <summary>Copies the stored summary row <paramref name="count"/> times in one statement ("Bulk 1" … "Bulk N", newest last).</summary>
    private async Task CopyFirstMessageAsync(int count)
    {
        var location = _host.Services.GetRequiredService<DatabaseLocation>();
        await using var connection = new SqliteConnection(location.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Messages') WHERE name NOT IN ('Id', 'Subject')";
            await using var reader = await info.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                columns.Add(reader.GetString(0));
            }
        }
        var list = string.Join(", ", columns);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Messages ({list}, Subject)
            SELECT {list}, 'Bulk ' || n.i FROM n, (SELECT * FROM Messages ORDER BY Id LIMIT 1) ORDER BY n.i
            """;
        insert.Parameters.AddWithValue("$count", count);
        Assert.Equal(count, await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
