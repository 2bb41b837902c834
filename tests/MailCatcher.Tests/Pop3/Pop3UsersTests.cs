using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace MailCatcher.Tests.Pop3;

/// <summary>With a user list (Smtp:Users) POP3 requires those credentials; with --mailbox-per-user each sees only their mail.</summary>
public sealed class Pop3UsersTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartWithSettingsAsync(
            new Dictionary<string, string?> { ["Smtp:Users:0"] = "bob:bob secret", ["Smtp:Users:1"] = "carol@example.com:pw" },
            "--mailbox-per-user");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_password_gets_the_rfc2449_auth_response_code()
    {
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var __ = wire;
        await wire.CommandAsync("USER bob");
        Assert.Equal("-ERR [AUTH] invalid user name or password", await wire.CommandAsync("PASS wrong"));
        await wire.CommandAsync("USER bob");
        Assert.StartsWith("+OK", await wire.CommandAsync("PASS bob secret"));
    }

    [Fact]
    public async Task Rfc1939_section7_apop_checks_the_md5_digest_of_timestamp_and_password()
    {
        using var client = new Pop3Client();
        await client.ConnectAsync("127.0.0.1", _host.Pop3Port!.Value, SecureSocketOptions.None, Token);
        client.AuthenticationMechanisms.Clear();
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("bob", "wrong", Token));
        await client.AuthenticateAsync("bob", "bob secret", Token);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task Each_user_sees_only_messages_addressed_to_them()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("for bob", "bob@example.com"), TestMail.Simple("for carol", "carol@example.com"));
        using var client = new Pop3Client();
        await client.ConnectAsync("127.0.0.1", _host.Pop3Port!.Value, SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("carol@example.com", "pw", Token);
        Assert.Equal(1, client.Count);
        Assert.Equal("for carol", (await client.GetMessageAsync(0, Token)).Subject);
        await client.DisconnectAsync(true, Token);
    }
}
