using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Tests.Inboxes;

/// <summary>Issue 13: routing, first match wins: the AUTH user, then the --inbox rules in order, then default.</summary>
public class InboxRoutingTests
{
    [Theory]
    [InlineData("billing=*@billing.test", "ann@billing.test", "billing")]
    [InlineData("billing=billing.test", "bob@billing.test", "billing")]
    [InlineData("billing=/^inv-[0-9]+@/", "inv-42@shop.test", "billing")]
    [InlineData("billing=exact@shop.test", "EXACT@shop.test", "billing")]
    [InlineData("job-7=+job-7", "ci+job-7@example.com", "job-7")]
    [InlineData("billing=billing.test", "ann@other.test", "default")]
    [InlineData("job-7=+job-7", "ci+job-8@example.com", "default")]
    public async Task A_recipient_rule_routes_matching_recipients_and_nothing_else(string rule, string recipient, string expected)
    {
        await using var host = await TestHost.StartAsync("--inbox", rule);
        await host.SendAsync("app@example.com", recipient, "routed", "text");
        var message = Assert.Single((await host.Http.ListAsync("api/v1/messages")).Messages);
        Assert.Equal(expected, message.Inbox);
        // A configured inbox exists from the start and needs no token.
        Assert.Equal(expected == "default" ? 0 : 1, (await host.Http.ListAsync($"api/v1/inboxes/{rule.Split('=')[0]}/messages")).Total);
    }

    [Fact]
    public async Task A_header_rule_routes_by_presence_by_value_and_by_naming_the_inbox()
    {
        await using var host = await TestHost.StartAsync(
            "--inbox", "staging=header:X-Env=staging",
            "--inbox", "*=header:X-MailCatcher-Inbox");
        var team = await host.CreateInboxAsync(new { name = "team-a" });

        await host.SendAsync(WithHeader("X-Env", "staging", "to staging"), WithHeader("X-Env", "prod", "to default"), WithHeader("X-MailCatcher-Inbox", "team-a", "to team-a"), WithHeader("X-MailCatcher-Inbox", "no-such-inbox", "unknown name"));

        var all = (await host.Http.ListAsync("api/v1/messages")).Messages.ToDictionary(m => m.Subject, m => m.Inbox);
        Assert.Equal("staging", all["to staging"]);
        Assert.Equal("default", all["to default"]);
        Assert.Equal("team-a", all["to team-a"]);
        Assert.Equal("default", all["unknown name"]);
        _ = team;
    }

    [Fact]
    public async Task The_auth_user_wins_over_a_matching_rule()
    {
        await using var host = await TestHost.StartAsync("--inbox", "billing=billing.test");
        var ci = await host.CreateInboxAsync(new { name = "ci" });
        await host.SendAsAsync(ci.SmtpUser, ci.SmtpPassword, MailSender.Message("app@example.com", "ann@billing.test", "auth first", "text"));
        Assert.Equal("ci", Assert.Single((await host.Http.ListAsync("api/v1/messages")).Messages).Inbox);
    }

    [Fact]
    public async Task Recipients_of_two_inboxes_get_one_self_contained_copy_each_and_the_transcript_says_why()
    {
        await using var host = await TestHost.StartAsync("--inbox", "billing=billing.test", "--inbox", "support=support.test");
        var message = MailSender.Message("app@example.com", "ann@billing.test", "both", "text");
        message.To.Add(MailboxAddress.Parse("bob@support.test"));
        message.To.Add(MailboxAddress.Parse("carl@billing.test"));
        await host.SendAsync(message);

        var copies = (await host.Http.ListAsync("api/v1/messages")).Messages;
        Assert.Equal(["billing", "support"], copies.Select(m => m.Inbox).Order(StringComparer.Ordinal));
        // Deleting in one inbox leaves the other's copy.
        await host.Http.DeleteAsync("api/v1/inboxes/billing/messages", TestContext.Current.CancellationToken);
        Assert.Equal("support", Assert.Single((await host.Http.ListAsync("api/v1/messages")).Messages).Inbox);

        var sessions = await host.Http.GetFromJsonAsync<SessionPageDto>("api/v1/sessions", TestJson.Options, TestContext.Current.CancellationToken);
        var detail = await host.Http.GetFromJsonAsync<SessionDto>($"api/v1/sessions/{sessions!.Sessions[0].Id}", TestJson.Options, TestContext.Current.CancellationToken);
        var notes = detail!.Transcript!.Where(l => l.Direction == "info").Select(l => l.Text).ToList();
        Assert.Contains(notes, n => n.Contains("in inbox billing: rule --inbox billing=billing.test (recipient ann@billing.test)", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("in inbox support: rule --inbox support=support.test (recipient bob@support.test)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("Bad Name=x@y.test")]
    [InlineData("*=x@y.test")]
    [InlineData("a=/[/")]
    [InlineData("a=header:")]
    public async Task A_bad_rule_stops_the_start_with_a_message_naming_the_flag(string rule)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync("--inbox", rule));
        Assert.Contains("--inbox", error.Message, StringComparison.Ordinal);
    }

    private static MimeMessage WithHeader(string name, string value, string subject)
    {
        var message = MailSender.Message("app@example.com", "ann@example.com", subject, "text");
        message.Headers.Add(name, value);
        return message;
    }
}
