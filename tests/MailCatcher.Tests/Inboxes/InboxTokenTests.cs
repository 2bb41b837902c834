using System.Net;
using System.Net.Http.Json;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Inboxes;

/// <summary>Issue 13: an inbox's token reaches that inbox only; its SMTP credential is real; its time-to-live ends it.</summary>
public sealed class InboxTokenTests
{
    [Fact]
    public async Task Missing_or_wrong_token_is_401_problem_details_and_another_inboxs_token_does_not_open_it()
    {
        await using var host = await TestHost.StartAsync();
        var mine = await host.CreateInboxAsync(new { name = "mine" });
        var other = await host.CreateInboxAsync(new { name = "other" });
        await host.SendAsAsync(mine.SmtpUser, mine.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "secret", "private"));

        foreach (var token in new[] { null, "mci_wrong", other.ApiToken })
        {
            using var client = host.ClientFor(token);
            var response = await client.GetAsync("api/v1/inboxes/mine/messages", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        using var owner = host.ClientFor(mine.ApiToken);
        Assert.Equal("secret", Assert.Single((await owner.ListAsync("api/v1/inboxes/mine/messages")).Messages).Subject);
    }

    [Fact]
    public async Task A_message_of_another_inbox_is_404_on_every_scoped_path()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.CreateInboxAsync(new { name = "a" });
        var b = await host.CreateInboxAsync(new { name = "b" });
        await host.SendAsAsync(b.SmtpUser, b.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "b's", "text"));
        var id = (await host.Http.ListAsync("api/v1/messages")).Messages.Single().Id;
        using var apiA = host.ClientFor(a.ApiToken);
        foreach (var path in new[] { "", "/raw", "/text", "/html", "/headers", "/links", "/codes" })
        {
            var response = await apiA.GetAsync($"api/v1/inboxes/a/messages/{id}{path}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.PatchAsJsonAsync($"api/v1/inboxes/a/messages/{id}", new { isRead = true }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.DeleteAsync($"api/v1/inboxes/a/messages/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.PostAsJsonAsync($"api/v1/inboxes/a/messages/{id}/release", new { }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty((await apiA.GetFromJsonAsync<SessionPageDto>("api/v1/inboxes/a/sessions", TestJson.Options, TestContext.Current.CancellationToken))!.Sessions);
        // Still there, unread, for its own inbox.
        using var apiB = host.ClientFor(b.ApiToken);
        var mail = Assert.Single((await apiB.ListAsync("api/v1/inboxes/b/messages")).Messages);
        Assert.Equal(id, mail.Id);
        var sessions = await apiB.GetFromJsonAsync<SessionPageDto>("api/v1/inboxes/b/sessions", TestJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal([id], Assert.Single(sessions!.Sessions).MessageIds);
    }

    [Fact]
    public async Task Unknown_inbox_is_404_and_default_cannot_be_deleted()
    {
        await using var host = await TestHost.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("api/v1/inboxes/nope/messages", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Http.DeleteAsync("api/v1/inboxes/default", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.PostAsJsonAsync("api/v1/inboxes", new { name = "Bad Name!" }, TestContext.Current.CancellationToken)).StatusCode);
        await host.CreateInboxAsync(new { name = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, (await host.Http.PostAsJsonAsync("api/v1/inboxes", new { name = "twice" }, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("any")]
    [InlineData("required")]
    public async Task A_wrong_inbox_password_is_535_even_when_auth_accepts_anything(string mode)
    {
        await using var host = await TestHost.StartAsync("--smtp-auth", mode);
        var inbox = await host.CreateInboxAsync(new { name = "ci" });
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => client.AuthenticateAsync("ci", "not-the-password", TestContext.Current.CancellationToken));
        Assert.Contains("5.7.8", refused.Message, StringComparison.Ordinal);
        // An unknown user in "any" mode is still accepted and lands in default, as before.
        if (mode == "any")
        {
            await host.SendAsAsync("someone", "anything", MailSender.Message("x@example.com", "y@example.com", "plain", "text"));
            Assert.Equal("default", Assert.Single((await host.Http.ListAsync("api/v1/messages")).Messages).Inbox);
        }
        _ = inbox;
    }

    [Fact]
    public async Task An_inbox_past_its_time_to_live_is_deleted_with_its_mail()
    {
        // The background sweep waits an hour here, so only the explicit call below deletes: with the
        // 5 s default a slow send under load let the sweep delete the inbox before the first count.
        await using var host = await TestHost.StartWithSettingsAsync(new Dictionary<string, string?> { ["Inboxes:ExpiryInterval"] = "01:00:00" });
        var inbox = await host.CreateInboxAsync(new { name = "short", ttlSeconds = 0.5 });
        Assert.NotNull(inbox.ExpiresAt);
        await host.SendAsAsync(inbox.SmtpUser, inbox.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "soon gone", "text"));
        Assert.Equal(1, (await host.Http.ListAsync("api/v1/messages")).Total);
        await Task.Delay(700, TestContext.Current.CancellationToken);

        var deleted = await host.Services.GetRequiredService<InboxExpiryService>().DeleteExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, deleted);
        Assert.Equal(0, (await host.Http.ListAsync("api/v1/messages")).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await host.ClientFor(inbox.ApiToken).GetAsync("api/v1/inboxes/short/messages", TestContext.Current.CancellationToken)).StatusCode);
        // Its credential is gone with it: the name is an ordinary (accepted) user again and mail goes to default.
        await host.SendAsAsync("short", inbox.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "after", "text"));
        Assert.Equal("default", Assert.Single((await host.Http.ListAsync("api/v1/messages")).Messages).Inbox);
    }

    [Fact]
    public async Task Per_inbox_retention_keeps_the_newest_of_that_inbox_only()
    {
        await using var host = await TestHost.StartAsync();
        var small = await host.CreateInboxAsync(new { name = "small", maxMessages = 2 });
        await host.SendAsync("x@example.com", "y@example.com", "default one", "text");
        await host.SendAsAsync(small.SmtpUser, small.SmtpPassword,
            MailSender.Message("x@example.com", "y@example.com", "s1", "t"),
            MailSender.Message("x@example.com", "y@example.com", "s2", "t"),
            MailSender.Message("x@example.com", "y@example.com", "s3", "t"));
        using var api = host.ClientFor(small.ApiToken);
        Assert.Equal(["s3", "s2"], (await api.ListAsync("api/v1/inboxes/small/messages")).Messages.Select(m => m.Subject));
        Assert.Equal(3, (await host.Http.ListAsync("api/v1/messages")).Total);
    }
}
