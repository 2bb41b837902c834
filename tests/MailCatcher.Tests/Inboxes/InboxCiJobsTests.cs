using System.Net;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Inboxes;

/// <summary>
/// Issue 13: twenty CI jobs share one MailCatcher. Each creates an inbox, sends through its own
/// SMTP credentials with MailKit, waits, searches and deletes, and never sees another job's mail,
/// although every job writes to the same address.
/// </summary>
public sealed class InboxCiJobsTests
{
    [Fact]
    public async Task Twenty_parallel_jobs_see_only_their_own_mail()
    {
        await using var host = await TestHost.StartAsync();
        var jobs = Enumerable.Range(1, 20).Select(job => RunJobAsync(host, job)).ToList();
        var seen = await Task.WhenAll(jobs);

        for (var job = 1; job <= 20; job++)
        {
            Assert.Equal([$"job {job} reset", $"job {job} welcome"], seen[job - 1]);
        }
        // Every job deleted its inbox: only default is left, and nothing reached it.
        var inboxes = await host.Http.GetFromJsonAsync<InboxListDto>("api/v1/inboxes", TestJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal(["default"], inboxes!.Inboxes.Select(i => i.Name));
        Assert.Equal(0, inboxes.Inboxes[0].Messages);
    }

    private static async Task<List<string>> RunJobAsync(TestHost host, int job)
    {
        var inbox = await host.CreateInboxAsync(new { name = $"job-{job}", ttlSeconds = 600 });
        using var api = host.ClientFor(inbox.ApiToken);
        var prefix = $"api/v1/inboxes/{inbox.Name}/messages";
        // The same recipient in every job: only the credentials tell the jobs apart.
        await host.SendAsAsync(inbox.SmtpUser, inbox.SmtpPassword,
            MailSender.Message("app@example.com", "ann@example.com", $"job {job} welcome", "hello"),
            MailSender.Message("app@example.com", "ann@example.com", $"job {job} reset", $"your code is {job:000000}"));

        var waited = await api.GetFromJsonAsync<InboxWaitDto>($"{prefix}/wait?q=to:ann@example.com&count=2&timeout=30", TestJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal(2, waited!.Messages.Count);
        Assert.All(waited.Messages, m => Assert.Equal(inbox.Name, m.Inbox));

        var found = await api.ListAsync($"{prefix}?q=subject:reset");
        var reset = Assert.Single(found.Messages);
        Assert.Equal($"job {job} reset", reset.Subject);

        var all = await api.ListAsync(prefix);
        Assert.Equal(2, all.Total);
        var subjects = all.Messages.Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();

        // A delete by query in this inbox leaves the others alone (they still count their own two).
        var deleted = await api.DeleteAsync($"{prefix}?q=subject:welcome", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await api.ListAsync(prefix)).Total);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"api/v1/inboxes/{inbox.Name}", TestContext.Current.CancellationToken)).StatusCode);
        return subjects;
    }

    [Fact]
    public async Task A_search_wait_and_delete_in_one_inbox_leave_another_untouched()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.CreateInboxAsync(new { name = "a" });
        var b = await host.CreateInboxAsync(new { name = "b" });
        await host.SendAsAsync(a.SmtpUser, a.SmtpPassword, MailSender.Message("x@example.com", "same@example.com", "from a", "alpha"));
        await host.SendAsAsync(b.SmtpUser, b.SmtpPassword, MailSender.Message("x@example.com", "same@example.com", "from b", "beta"));
        using var apiA = host.ClientFor(a.ApiToken);
        using var apiB = host.ClientFor(b.ApiToken);

        Assert.Empty((await apiA.ListAsync("api/v1/inboxes/a/messages?q=beta")).Messages);
        Assert.Equal("from a", Assert.Single((await apiA.ListAsync("api/v1/inboxes/a/messages?q=same")).Messages).Subject);
        await apiA.DeleteAsync("api/v1/inboxes/a/messages", TestContext.Current.CancellationToken);

        Assert.Equal(0, (await apiA.ListAsync("api/v1/inboxes/a/messages")).Total);
        Assert.Equal("from b", Assert.Single((await apiB.ListAsync("api/v1/inboxes/b/messages")).Messages).Subject);
        // The unscoped path is still the administrator's view of every inbox.
        Assert.Equal(1, (await host.Http.ListAsync("api/v1/messages")).Total);
    }
}
