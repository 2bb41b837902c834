using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Inboxes;

/// <summary>
/// Issue 13: a search in one inbox is answered by the full-text index with the inbox as one of its
/// terms. Each path a search can take (index only, index and columns, a negated word) must keep to
/// the inbox, and the inbox's own token must never be found by a word a user types.
/// </summary>
public class InboxSearchTests
{
    [Theory]
    [InlineData("quarterly", 2, 1)]
    [InlineData("quarterly is:unread", 2, 1)]
    [InlineData("quarterly -draft", 1, 1)]
    [InlineData("subject:report", 2, 1)]
    [InlineData("quarterly has:attachment", 0, 0)]
    public async Task A_search_in_one_inbox_finds_that_inbox_mail_only(string query, int inBilling, int inSupport)
    {
        await using var host = await TestHost.StartAsync("--inbox", "billing=billing.test", "--inbox", "support=support.test");
        await host.SendAsync("app@example.com", "ann@billing.test", "Quarterly report", "the quarterly figures");
        await host.SendAsync("app@example.com", "ann@billing.test", "Quarterly report draft", "a quarterly draft");
        await host.SendAsync("app@example.com", "bob@support.test", "Quarterly report", "support's quarterly figures");
        await host.SendAsync("app@example.com", "eve@other.test", "Quarterly report", "default's quarterly figures");

        var q = Uri.EscapeDataString(query);
        var billing = await host.Http.ListAsync($"api/v1/inboxes/billing/messages?q={q}");
        var support = await host.Http.ListAsync($"api/v1/inboxes/support/messages?q={q}");

        Assert.Equal(inBilling, billing.Total);
        Assert.All(billing.Messages, m => Assert.Equal("billing", m.Inbox));
        Assert.Equal(inSupport, support.Total);
        Assert.All(support.Messages, m => Assert.Equal("support", m.Inbox));
    }

    [Fact]
    public async Task The_inbox_token_in_the_index_is_not_found_by_a_typed_word()
    {
        await using var host = await TestHost.StartAsync("--inbox", "billing=billing.test");
        await host.SendAsync("app@example.com", "ann@billing.test", "invoice", "text");
        await host.SendAsync("app@example.com", "bob@other.test", "invoice", "text");

        // Inbox ids are small integers and the tokens "i1", "i2", ...; none of them is in any message's text.
        for (var id = 1; id <= 3; id++)
        {
            Assert.Equal(0, (await host.Http.ListAsync($"api/v1/messages?q=i{id}")).Total);
            Assert.Equal(0, (await host.Http.ListAsync($"api/v1/inboxes/billing/messages?q=i{id}")).Total);
        }
        Assert.Equal(2, (await host.Http.ListAsync("api/v1/messages?q=invoice")).Total);
    }
}
