using MailCatcher.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace MailCatcher.Tests.Inboxes;

/// <summary>Issue 13: a POP3 or IMAP login named like an inbox sees that inbox only, with its SMTP credentials.</summary>
public sealed class InboxMailboxTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pop3_login_with_the_inbox_credentials_sees_that_inbox_only()
    {
        await using var host = await TestHost.StartAsync();
        var inbox = await SeedAsync(host);
        using var client = new Pop3Client();
        await client.ConnectAsync("127.0.0.1", host.Pop3Port!.Value, SecureSocketOptions.None, Token);
        // APOP and SASL digests cannot be checked against a hashed password: use USER/PASS.
        client.AuthenticationMechanisms.Clear();
        client.Capabilities &= ~Pop3Capabilities.Apop;
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(inbox.SmtpUser, "wrong", Token));
        await client.AuthenticateAsync(inbox.SmtpUser, inbox.SmtpPassword, Token);
        Assert.Equal(1, client.Count);
        Assert.Equal("for the inbox", (await client.GetMessageAsync(0, Token)).Subject);
        await client.DisconnectAsync(true, Token);
    }

    [Fact]
    public async Task Imap_login_with_the_inbox_credentials_sees_that_inbox_only()
    {
        await using var host = await TestHost.StartAsync();
        var inbox = await SeedAsync(host);
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", host.ImapPort!.Value, SecureSocketOptions.None, Token);
        client.AuthenticationMechanisms.Clear();
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(inbox.SmtpUser, "wrong", Token));
        await client.AuthenticateAsync(inbox.SmtpUser, inbox.SmtpPassword, Token);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        Assert.Equal(1, client.Inbox.Count);
        Assert.Equal("for the inbox", (await client.Inbox.GetMessageAsync(0, Token)).Subject);
        await client.DisconnectAsync(true, Token);
    }

    [Fact]
    public async Task Any_other_login_still_sees_every_message()
    {
        await using var host = await TestHost.StartAsync();
        await SeedAsync(host);
        using var client = new Pop3Client();
        await client.ConnectAsync("127.0.0.1", host.Pop3Port!.Value, SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("anyone", "anything", Token);
        Assert.Equal(2, client.Count);
    }

    private static async Task<CreatedInboxDto> SeedAsync(TestHost host)
    {
        var inbox = await host.CreateInboxAsync(new { name = "mailbox" });
        await host.SendAsync("x@example.com", "y@example.com", "for default", "text");
        await host.SendAsAsync(inbox.SmtpUser, inbox.SmtpPassword, MailSender.Message("x@example.com", "y@example.com", "for the inbox", "text"));
        return inbox;
    }
}
