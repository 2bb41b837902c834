using Bunit;
using MailCatcher.Components.Mail;
using MailCatcher.Components.Time;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Web.Tests.Components;

/// <summary>Components render times on the viewer's clock, which the browser reports once per circuit.</summary>
public sealed class ViewerClockTests : BunitContext
{
    // 19:00 UTC on Nov 28 is 00:30 on Nov 29 in Kolkata; the message came at 22:30 on Nov 28 there.
    private static readonly DateTime Now = new(2026, 11, 28, 19, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Received = new(2026, 11, 28, 17, 0, 0, DateTimeKind.Utc);

    public ViewerClockTests() => Services.AddViewerClock();

    private ViewerClock Clock => Services.GetRequiredService<ViewerClock>();

    private static MessageSummary Summary() => new()
    {
        Id = 42, ReceivedAt = Received, SessionId = 7, From = new EmailAddress("Alice", "alice@example.com"),
        To = [new EmailAddress("", "bob@example.net")], Cc = [], EnvelopeFrom = "alice@example.com", EnvelopeTo = ["bob@example.net"],
        Subject = "Hello", Size = 10, Snippet = "", AttachmentCount = 0, IsRead = false, Tags = [],
    };

    [Fact]
    public async Task A_row_shows_the_viewers_local_time_and_keeps_the_machine_readable_utc()
    {
        await Clock.SetZoneAsync("Asia/Kolkata");

        var cut = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Now, Now));

        var time = cut.Find("time");
        Assert.Equal("2026-11-28 22:30:00 +05:30", time.GetAttribute("title"));
        Assert.Equal("Yesterday", time.TextContent);
        Assert.Equal("2026-11-28T17:00:00.0000000Z", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Rendered_times_change_when_the_zone_arrives()
    {
        var cut = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Now, Now));
        Assert.Equal("2026-11-28 17:00:00 UTC", cut.Find("time").GetAttribute("title"));
        Assert.Equal("2 h", cut.Find("time").TextContent);

        await Clock.SetZoneAsync("America/New_York");

        cut.WaitForAssertion(() => Assert.Equal("2026-11-28 12:00:00 -05:00", cut.Find("time").GetAttribute("title")));
        Assert.Equal("2 h", cut.Find("time").TextContent);
    }

    [Fact]
    public async Task Transcript_lines_are_on_the_viewers_clock()
    {
        await Clock.SetZoneAsync("Asia/Kolkata");

        var cut = Render<TranscriptView>(p => p.Add(x => x.Lines, [
            new TranscriptLine(new DateTime(2026, 11, 28, 9, 30, 15, 123, DateTimeKind.Utc), TranscriptDirection.Out, "220 ready"),
        ]));

        var time = cut.Find(".tline time");
        Assert.Equal("15:00:15.123", time.TextContent);
        Assert.Equal("2026-11-28 15:00:15 +05:30", time.GetAttribute("title"));
    }

    [Fact]
    public void The_release_dialog_says_when_the_next_attempt_is_on_the_viewers_clock()
    {
        var entry = new MailCatcher.Core.Outbox.OutboxEntry
        {
            Id = 1, MessageId = 42, From = "alice@example.com", To = ["bob@example.net"], State = MailCatcher.Core.Outbox.OutboxState.Deferred,
            CreatedAt = Received, NextAttemptAt = Received.AddMinutes(5),
            Attempts = [new MailCatcher.Core.Outbox.OutboxAttempt(Received, 451, "4.3.0 Try later", null)],
        };

        Assert.EndsWith("; next attempt 22:35:00 +05:30.", MailCatcher.Components.Outbox.ReleaseDialog.Describe(entry, TimeFormat.ForZone("Asia/Kolkata")), StringComparison.Ordinal);
        Assert.EndsWith("; next attempt 17:05:00 UTC.", MailCatcher.Components.Outbox.ReleaseDialog.Describe(entry, TimeFormat.Utc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zone_comes_from_the_browser_module_once()
    {
        var module = JSInterop.SetupModule(ViewerClock.ModulePath);
        var call = module.Setup<string?>("timeZone");
        call.SetResult("Asia/Kolkata");

        await Clock.DetectAsync(Xunit.TestContext.Current.CancellationToken);
        await Clock.DetectAsync(Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Asia/Kolkata", Clock.Format.Zone.Id);
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "timeZone");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mars/Olympus_Mons")]
    public async Task A_browser_zone_unknown_here_leaves_utc(string? reported)
    {
        JSInterop.SetupModule(ViewerClock.ModulePath).Setup<string?>("timeZone").SetResult(reported);

        await Clock.DetectAsync(Xunit.TestContext.Current.CancellationToken);

        Assert.True(Clock.Format.IsUtc);
        var cut = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Now, Now));
        Assert.Equal("2026-11-28 17:00:00 UTC", cut.Find("time").GetAttribute("title"));
    }

    [Fact]
    public async Task A_browser_that_fails_to_answer_leaves_utc()
    {
        JSInterop.SetupModule(ViewerClock.ModulePath).Setup<string?>("timeZone").SetException(new Microsoft.JSInterop.JSException("Intl is missing"));

        await Clock.DetectAsync(Xunit.TestContext.Current.CancellationToken);

        Assert.True(Clock.Format.IsUtc);
    }
}
