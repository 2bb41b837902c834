using MailCatcher.Hosting;

namespace MailCatcher.Tests.Security;

/// <summary>Accepted-recipient rules: with rules, an unknown recipient gets 550 5.1.1 (RFC 5321 §4.2.2, RFC 3463 §3.2).</summary>
public sealed class RecipientRulesTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync(
        "--smtp-accept-recipient", "user@known.example",
        "--smtp-accept-recipient", "*@team.example",
        "--smtp-accept-recipient", @"/^ops-\d+@example\.org$/");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("user@known.example")]
    [InlineData("USER@Known.Example")]
    [InlineData("anyone@team.example")]
    [InlineData("ops-42@example.org")]
    public async Task Recipients_matching_an_exact_address_a_domain_wildcard_or_a_regex_are_accepted(string recipient)
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync($"RCPT TO:<{recipient}>"));
        }
    }

    [Theory]
    [InlineData("other@known.example")]
    [InlineData("someone@team.example.net")]
    [InlineData("ops-x@example.org")]
    [InlineData("postmaster@elsewhere.example")]
    public async Task Other_recipients_get_550_5_1_1_and_the_transaction_goes_on(string recipient)
    {
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            Assert.Equal("550 5.1.1 User unknown", await wire.CommandAsync($"RCPT TO:<{recipient}>"));
            Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync("RCPT TO:<user@known.example>"));
            Assert.StartsWith("354 ", await wire.CommandAsync("DATA"));
            Assert.StartsWith("250 2.0.0 OK: queued as", await wire.CommandAsync("Subject: x\r\n\r\nbody\r\n."));
        }
    }

    [Fact]
    public async Task An_invalid_regular_expression_stops_startup()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => SecureHost.StartAsync("--smtp-accept-recipient", "/([a-z/"));
        Assert.StartsWith("--smtp-accept-recipient: '/([a-z/' is not a valid regular expression", error.Message);
    }
}
