using Bunit;
using MailCatcher.Components.Outbox;
using MailCatcher.Relay.Queue;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Web.Tests.Components;

/// <summary>The Outbox page: entries newest first with their state, each attempt with its transcript, Retry and Delete, live.</summary>
public sealed class OutboxPageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Entries_are_listed_newest_first_and_a_new_release_appears_live()
    {
        await using var target = await TestHost.StartAsync();
        await using var host = await OutboxHosts.RelayingToAsync(target.SmtpPort);
        var relay = host.Services.GetRequiredService<RelayOutbox>();
        var first = await HostMail.SendAsync(host, MailSender.Text("first", "1", to: "one@example.org"));
        var second = await HostMail.SendAsync(host, MailSender.Text("second", "2", to: "two@example.org"));
        await relay.ReleaseAsync(first, null, Xunit.TestContext.Current.CancellationToken);
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<MailCatcher.Components.Pages.Outbox>();
        cut.WaitForAssertion(() => Assert.Equal("sent", cut.Find("[data-testid=outbox-row] [data-testid=outbox-state]").GetAttribute("data-state")), Wait);

        await relay.ReleaseAsync(second, ["two@example.org", "three@example.org"], Xunit.TestContext.Current.CancellationToken);
        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=outbox-row]");
            Assert.Equal(2, rows.Count);
            Assert.Contains("two@example.org, three@example.org", rows[0].QuerySelector(".from")!.TextContent, StringComparison.Ordinal);
            Assert.Contains($"Message #{second}", rows[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("one@example.org", rows[1].QuerySelector(".from")!.TextContent, StringComparison.Ordinal);
            Assert.All(rows, r => Assert.Equal("sent", r.QuerySelector("[data-testid=outbox-state]")!.GetAttribute("data-state")));
            Assert.Contains("1 attempt", rows[0].TextContent, StringComparison.Ordinal);
        }, Wait);
        Assert.Equal("2 entries", cut.Find("[data-testid=outbox-count]").TextContent);
    }

    [Fact]
    public async Task An_entry_shows_each_attempt_with_its_transcript_and_retry_adds_one()
    {
        await using var host = await OutboxHosts.RelayingToAsync(OutboxHosts.ClosedPort());
        var id = await HostMail.SendAsync(host, MailSender.Text("relay down", "x", to: "far@example.org"));
        var entry = (await host.Services.GetRequiredService<RelayOutbox>().ReleaseAsync(id, null, Xunit.TestContext.Current.CancellationToken)).Entry!;
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<MailCatcher.Components.Pages.Outbox>(p => p.Add(x => x.Id, entry.Id));
        cut.WaitForAssertion(() => Assert.Equal("deferred", cut.Find("[data-testid=outbox-detail] h1 [data-testid=outbox-state]").GetAttribute("data-state")), Wait);
        var attempt = Assert.Single(cut.FindAll("[data-testid=outbox-attempt]"));
        Assert.Contains("no reply:", attempt.QuerySelector(".reply")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"messages/{id}", cut.Find("[data-testid=outbox-message-link]").GetAttribute("href"));
        Assert.DoesNotContain("—", cut.Find(".facts").Children.SkipWhile(c => c.TextContent != "Next attempt").Skip(1).First().TextContent, StringComparison.Ordinal);

        var retry = cut.Find("[data-testid=outbox-retry]");
        Assert.False(retry.HasAttribute("disabled"));
        await retry.ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(2, cut.FindAll("[data-testid=outbox-attempt]").Count);
            Assert.Equal("deferred", cut.Find("[data-testid=outbox-detail] h1 [data-testid=outbox-state]").GetAttribute("data-state"));
        }, Wait);
        Assert.Contains("Attempt 2", cut.FindAll("[data-testid=outbox-attempt]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sent_entry_has_the_relay_transcript_and_cannot_be_retried_and_delete_removes_it()
    {
        await using var target = await TestHost.StartAsync();
        await using var host = await OutboxHosts.RelayingToAsync(target.SmtpPort);
        var id = await HostMail.SendAsync(host, MailSender.Text("transcript", "x", to: "far@example.org"));
        var entry = (await host.Services.GetRequiredService<RelayOutbox>().ReleaseAsync(id, null, Xunit.TestContext.Current.CancellationToken)).Entry!;
        await using var context = OutboxHosts.ContextFor(host);

        var cut = context.Render<MailCatcher.Components.Pages.Outbox>(p => p.Add(x => x.Id, entry.Id));
        cut.WaitForAssertion(() => Assert.Equal("sent", cut.Find("[data-testid=outbox-detail] h1 [data-testid=outbox-state]").GetAttribute("data-state")), Wait);
        Assert.True(cut.Find("[data-testid=outbox-retry]").HasAttribute("disabled"));
        var lines = cut.FindAll("[data-testid=relay-transcript] .tline");
        Assert.Contains(lines, l => l.ClassList.Contains("client") && l.TextContent.Contains("RCPT TO:<far@example.org>", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.ClassList.Contains("server") && l.QuerySelector(".text")!.TextContent.StartsWith("250", StringComparison.Ordinal));

        await cut.Find("[data-testid=outbox-delete]").ClickAsync(new());

        Assert.EndsWith("/outbox", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<MailCatcher.Storage.Outbox.OutboxStore>().GetAsync(entry.Id, Xunit.TestContext.Current.CancellationToken));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=outbox-row]")), Wait);
    }

    [Fact]
    public void Typed_recipients_split_on_commas_semicolons_and_lines()
    {
        Assert.Equal(["a@x.test", "b@x.test", "c@x.test"], OutboxFormat.ParseRecipients(" a@x.test,b@x.test\r\n\n c@x.test ; "));
        Assert.Empty(OutboxFormat.ParseRecipients(null));
    }

    [Fact]
    public void Relay_transcript_lines_are_told_apart_by_their_prefix()
    {
        var lines = OutboxFormat.TranscriptLines("Connected to smtp://127.0.0.1:25\nS: 220 ready\r\nC: EHLO me\n").ToList();
        Assert.Equal([("•", "note", "Connected to smtp://127.0.0.1:25"), ("S", "server", "220 ready"), ("C", "client", "EHLO me")], lines);
    }
}
