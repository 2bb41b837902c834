using System.Net;
using MailCatcher.Client;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Client.Tests;

/// <summary>The client against a MailCatcher with log-in on: a token and Basic credentials are sent with every call.</summary>
public sealed class CredentialsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_or_a_user_gets_in_and_nothing_else_does()
    {
        await using var host = await TestHost.StartAsync("--api-token", "ci:ci-token-0123456789abcdef", "--ui-user", "qa:qa-pass:reader");
        var address = new Uri($"http://127.0.0.1:{host.HttpPort}/");

        using (var token = new MailCatcherClient(address, MailCatcherCredentials.Token("ci-token-0123456789abcdef")))
        {
            Assert.Equal(0, (await token.ListAsync(cancellationToken: Ct)).Total);
        }
        using (var reader = new MailCatcherClient(address, MailCatcherCredentials.Basic("qa", "qa-pass")))
        {
            Assert.Equal(0, (await reader.ListAsync(cancellationToken: Ct)).Total);
        }
        using var anonymous = new MailCatcherClient(address);
        var refused = await Assert.ThrowsAsync<MailCatcherApiException>(() => anonymous.ListAsync(cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer ***", MailCatcherCredentials.Token("secret-token").ToString());
    }
}
