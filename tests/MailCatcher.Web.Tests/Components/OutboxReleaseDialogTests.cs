using MailCatcher.Components.Outbox;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Bunit;

namespace MailCatcher.Web.Tests.Components;

/// <summary>The Release dialog: prefilled recipients, the API's refusals in words, then the entry's progress live.</summary>
public sealed class OutboxReleaseDialogTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Without_a_relay_the_dialog_says_how_to_configure_one()
    {
        await using var host = await TestHost.StartAsync();
        var id = await HostMail.SendAsync(host, MailSender.Text("no relay", "hi", to: "a@example.org"));
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<ReleaseDialog>(p => p.Add(x => x.MessageId, id).Add(x => x.Recipients, ["a@example.org", "b@example.org"]));
        Assert.Equal("a@example.org\nb@example.org", cut.Find("[data-testid=release-to]").GetAttribute("value"));
        await cut.Find("[data-testid=release-send]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.StartsWith("No relay is configured: start MailCatcher with --relay-host",
            cut.Find("[data-testid=release-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(cut.FindAll("[data-testid=release-progress]"));
    }

    [Fact]
    public async Task A_recipient_outside_the_allow_list_is_refused_by_name()
    {
        await using var host = await OutboxHosts.RelayingToAsync(OutboxHosts.ClosedPort(), "--relay-allow", "*@example.org");
        var id = await HostMail.SendAsync(host, MailSender.Text("allow-list", "hi", to: "a@example.org"));
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<ReleaseDialog>(p => p.Add(x => x.MessageId, id).Add(x => x.Recipients, ["a@example.org"]));
        cut.Find("[data-testid=release-to]").Input("a@example.org, boss@elsewhere.test");
        await cut.Find("[data-testid=release-send]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Not in the relay allow-list (*@example.org): boss@elsewhere.test.",
            cut.Find("[data-testid=release-problem]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Edited_recipients_are_sent_and_the_state_follows_the_worker_to_sent()
    {
        await using var target = await TestHost.StartAsync();
        await using var host = await OutboxHosts.RelayingToAsync(target.SmtpPort);
        var id = await HostMail.SendAsync(host, MailSender.Text("release me", "hi", to: "a@example.org"));
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<ReleaseDialog>(p => p.Add(x => x.MessageId, id).Add(x => x.Recipients, ["a@example.org"]));
        cut.Find("[data-testid=release-to]").Input("one@example.org,\ntwo@example.org\n");
        await cut.Find("[data-testid=release-send]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("sent", cut.Find("[data-testid=outbox-state]").GetAttribute("data-state")), Wait);
        Assert.Contains("The relay accepted the message: 250", cut.Find("[data-testid=release-progress]").TextContent, StringComparison.Ordinal);
        Assert.Contains("To one@example.org, two@example.org", cut.Markup, StringComparison.Ordinal);
        var received = await HostMail.ListAsync(target);
        Assert.Equal("release me", Assert.Single(received.Messages).Subject);
    }

    [Fact]
    public async Task Send_is_disabled_until_there_is_a_recipient()
    {
        await using var host = await TestHost.StartAsync();
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<ReleaseDialog>(p => p.Add(x => x.MessageId, 1).Add(x => x.Recipients, []));
        Assert.True(cut.Find("[data-testid=release-send]").HasAttribute("disabled"));
        cut.Find("[data-testid=release-to]").Input(" , \n ");
        Assert.True(cut.Find("[data-testid=release-send]").HasAttribute("disabled"));
        cut.Find("[data-testid=release-to]").Input("x@example.org");
        Assert.False(cut.Find("[data-testid=release-send]").HasAttribute("disabled"));
    }
}
