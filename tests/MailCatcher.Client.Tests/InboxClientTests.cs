using MailCatcher.Client;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;

namespace MailCatcher.Client.Tests;

/// <summary>Issue 13: a fresh inbox per test is one call, and its client sees that inbox only.</summary>
public sealed class InboxClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateInbox_then_Inbox_client_sends_waits_lists_and_deletes_in_that_inbox_only()
    {
        await using var host = await TestHost.StartAsync();
        using var client = new MailCatcherClient(host.Http.BaseAddress!);
        var created = await client.CreateInboxAsync("job-42", TimeSpan.FromMinutes(10), cancellationToken: Ct);
        Assert.Equal("job-42", created.SmtpUser);
        Assert.NotNull(created.ExpiresAt);
        var inbox = client.Inbox(created);

        await host.SendAsync("app@example.com", "ann@example.com", "not for the job", "text");
        var waiting = inbox.WaitForMessageAsync("to:ann@example.com", TimeSpan.FromSeconds(30), cancellationToken: Ct);
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
            await smtp.AuthenticateAsync(created.SmtpUser, created.SmtpPassword, Ct);
            await smtp.SendAsync(MailSender.Message("app@example.com", "ann@example.com", "for the job", "code 123456"), Ct);
            await smtp.DisconnectAsync(true, Ct);
        }
        var arrived = await waiting;

        Assert.Equal("for the job", arrived.Subject);
        Assert.Equal("job-42", arrived.Inbox);
        Assert.Equal(1, (await inbox.ListAsync(cancellationToken: Ct)).Total);
        Assert.Equal(2, (await client.ListAsync(cancellationToken: Ct)).Total);
        Assert.Contains("123456", (await inbox.GetAsync(arrived.Id, Ct)).Text, StringComparison.Ordinal);
        var listed = await client.ListInboxesAsync(Ct);
        Assert.Equal(["default", "job-42"], listed.Select(i => i.Name));

        // Without the token the inbox refuses; deleting all in the inbox leaves default's mail.
        var refused = await Assert.ThrowsAsync<MailCatcherApiException>(() => client.Inbox("job-42").ListAsync(cancellationToken: Ct));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1, await inbox.DeleteAllAsync(cancellationToken: Ct));
        Assert.Equal(1, (await client.ListAsync(cancellationToken: Ct)).Total);
        await inbox.DeleteInboxAsync(cancellationToken: Ct);
        Assert.Equal(["default"], (await client.ListInboxesAsync(Ct)).Select(i => i.Name));
    }
}
