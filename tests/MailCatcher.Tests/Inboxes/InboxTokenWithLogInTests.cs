using System.Net;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Security;

namespace MailCatcher.Tests.Inboxes;

/// <summary>
/// Issues 12 and 13 together: with log-in on, an inbox's API token is a log-in that reaches its own
/// inbox and nothing else, and a logged-in administrator reaches every inbox without its token.
/// </summary>
public sealed class InboxTokenWithLogInTests
{
    [Fact]
    public async Task An_inbox_token_reads_and_deletes_its_inbox_but_not_the_unscoped_paths_or_another_inbox()
    {
        await using var host = await AccessHost.StartAsync();
        host.Http.DefaultRequestHeaders.Authorization = AccessHost.Bearer(AccessHost.AdminToken);
        var mine = await host.CreateInboxAsync(new { name = "mine" });
        var other = await host.CreateInboxAsync(new { name = "other" });
        await host.SendAsAsync(mine.SmtpUser, mine.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "mine's", "text"));
        await host.SendAsAsync(other.SmtpUser, other.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "other's", "text"));

        using var job = host.ClientFor(mine.ApiToken);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("mine's", Assert.Single((await job.ListAsync("api/v1/inboxes/mine/messages")).Messages).Subject);
        Assert.Equal(HttpStatusCode.Forbidden, (await job.GetAsync("api/v1/messages", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await job.GetAsync("api/v1/inboxes/other/messages", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await job.GetAsync("api/v1/sessions", ct)).StatusCode);

        var deleted = await job.DeleteAsync("api/v1/inboxes/mine/messages", ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await job.ListAsync("api/v1/inboxes/mine/messages")).Messages);
        // The other inbox is untouched, and the administrator still sees it without its token.
        var adminView = await host.Http.GetFromJsonAsync<InboxPageDto>("api/v1/inboxes/other/messages", TestJson.Options, ct);
        Assert.Equal("other's", Assert.Single(adminView!.Messages).Subject);
    }

    [Fact]
    public async Task A_reader_sees_a_token_protected_inbox_but_cannot_delete_in_it()
    {
        await using var host = await AccessHost.StartAsync();
        host.Http.DefaultRequestHeaders.Authorization = AccessHost.Bearer(AccessHost.AdminToken);
        var inbox = await host.CreateInboxAsync(new { name = "watched" });
        await host.SendAsAsync(inbox.SmtpUser, inbox.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "hello", "text"));

        using var reader = host.ClientFor(AccessHost.ReaderToken);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("hello", Assert.Single((await reader.ListAsync("api/v1/inboxes/watched/messages")).Messages).Subject);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync("api/v1/inboxes/watched/messages", ct)).StatusCode);
        Assert.Single((await reader.ListAsync("api/v1/inboxes/watched/messages")).Messages);
    }
}
