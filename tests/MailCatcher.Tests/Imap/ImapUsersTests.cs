using MailCatcher.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace MailCatcher.Tests.Imap;

/// <summary>With a user list (Smtp:Users) IMAP requires those credentials; with --mailbox-per-user each sees only their mail.</summary>
public sealed class ImapUsersTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartWithSettingsAsync(
            new Dictionary<string, string?> { ["Smtp:Users:0"] = "bob:bob secret", ["Smtp:Users:1"] = "carol@example.com:pw" },
            "--mailbox-per-user");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rfc5530_wrong_credentials_get_authenticationfailed()
    {
        await using var wire = (await LineWire.ConnectAsync(_host.ImapPort!.Value)).Wire;
        Assert.Equal("a NO [AUTHENTICATIONFAILED] Invalid credentials", await wire.CommandAsync("a LOGIN bob wrong"));
        Assert.Equal("b NO [AUTHENTICATIONFAILED] Invalid credentials", await wire.CommandAsync("b LOGIN mallory pw"));
        Assert.StartsWith("c OK", await wire.CommandAsync("c LOGIN bob \"bob secret\""));
    }

    [Fact]
    public async Task Each_user_sees_only_messages_addressed_to_them()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("for bob", "bob@example.com"), TestMail.Simple("for carol", "carol@example.com"));
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", _host.ImapPort!.Value, SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("bob", "bob secret", Token);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        Assert.Equal(1, client.Inbox.Count);
        var summary = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope, Token);
        Assert.Equal("for bob", summary.Single().Envelope!.Subject);
    }
}
