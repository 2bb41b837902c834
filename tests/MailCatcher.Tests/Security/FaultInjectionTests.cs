using System.Diagnostics;
using System.Net.Http.Json;
using MailCatcher.Hosting;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>Fault rules firing at every stage, at 0% and 100%, each marked in the transcript.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private SecureHost _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SecureHost.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Puts the rules in force through the API, as a test suite would at run time.</summary>
    private async Task SetRulesAsync(params object[] rules)
    {
        using var response = await _server.Host.Http.PutAsJsonAsync("api/v1/faults", new { rules }, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<SecureWire> GreetedAsync()
    {
        var (wire, greeting) = await _server.ConnectAsync();
        Assert.StartsWith("220 ", greeting);
        Assert.StartsWith("250", await wire.CommandAsync("EHLO client.example"));
        return wire;
    }

    private async Task<int> MessageCountAsync() => (await _server.Host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total;

    [Fact]
    public async Task Connect_reply_replaces_the_greeting_and_ends_the_session()
    {
        await SetRulesAsync(new { stage = "connect", action = "reply", code = 421, text = "4.3.2 Service not available" });
        var (wire, greeting) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.Equal("421 4.3.2 Service not available", greeting);
            Assert.Equal("<closed>", await wire.ReadReplyAsync());
        }
        var transcript = await SessionReads.OnlyTranscriptAsync(_server.Host);
        Assert.Equal("info fault injected: connect 100%: reply 421 4.3.2 Service not available", transcript[0]);
    }

    [Fact]
    public async Task Connect_drop_closes_without_a_greeting()
    {
        await SetRulesAsync(new { stage = "connect", action = "drop" });
        var (wire, greeting) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.Equal("<closed>", greeting);
        }
        var session = Assert.Single(await SessionReads.EndedSessionsAsync(_server.Host, 1));
        Assert.Equal("connection dropped by an injected fault", session.Error);
        Assert.Contains(session.Transcript!, l => l.Text == "fault injected: connect 100%: drop the connection");
    }

    [Fact]
    public async Task Connect_delay_holds_the_greeting_back()
    {
        await SetRulesAsync(new { stage = "connect", action = "delay", delay = "400ms" });
        var clock = Stopwatch.StartNew();
        var (wire, greeting) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.StartsWith("220 ", greeting);
            // A lower bound only; timers may fire a millisecond or two early against the Stopwatch.
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"greeting came after {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task EHLO_and_HELO_answer_with_the_rule()
    {
        await SetRulesAsync(new { stage = "ehlo", code = 554, text = "5.7.1 Go away" });
        var (wire, _) = await _server.ConnectAsync();
        await using (wire)
        {
            Assert.Equal("554 5.7.1 Go away", await wire.CommandAsync("EHLO client.example"));
            Assert.Equal("554 5.7.1 Go away", await wire.CommandAsync("HELO client.example"));
            // The refused greeting leaves the session where it was: MAIL is still out of sequence.
            Assert.StartsWith("503 5.5.1", await wire.CommandAsync("MAIL FROM:<a@example.com>"));
        }
    }

    [Fact]
    public async Task MAIL_answers_with_the_rule_only_for_a_matching_sender()
    {
        await SetRulesAsync(new { stage = "mail", address = "*@bad.example", code = 550, text = "5.7.1 Sender rejected" });
        await using var wire = await GreetedAsync();
        Assert.Equal("550 5.7.1 Sender rejected", await wire.CommandAsync("MAIL FROM:<x@bad.example>"));
        Assert.Equal("250 2.1.0 Sender OK", await wire.CommandAsync("MAIL FROM:<x@good.example>"));
    }

    [Fact]
    public async Task RCPT_to_a_flaky_domain_answers_451_at_100_percent()
    {
        await SetRulesAsync(new { stage = "rcpt", address = "*@flaky.test", probability = 100, code = 451, text = "4.3.0 Try again later" });
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            Assert.Equal("451 4.3.0 Try again later", await wire.CommandAsync("RCPT TO:<a@flaky.test>"));
            Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync("RCPT TO:<a@solid.test>"));
        }
        var transcript = await SessionReads.OnlyTranscriptAsync(_server.Host);
        var marked = transcript.IndexOf("info fault injected: rcpt *@flaky.test 100%: reply 451 4.3.0 Try again later");
        Assert.True(marked > 0);
        Assert.Equal("in RCPT TO:<a@flaky.test>", transcript[marked - 1]);
    }

    [Fact]
    public async Task A_rule_at_0_percent_never_fires()
    {
        await SetRulesAsync(new { stage = "rcpt", probability = 0, code = 451, text = "4.3.0 Try again later" });
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync($"RCPT TO:<r{i}@example.com>"));
            }
        }
        Assert.DoesNotContain(await SessionReads.OnlyTranscriptAsync(_server.Host), l => l.Contains("fault injected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RCPT_drop_closes_the_connection_mid_transaction()
    {
        await SetRulesAsync(new { stage = "rcpt", action = "drop" });
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            Assert.Equal("<closed>", await wire.CommandAsync("RCPT TO:<a@example.com>"));
        }
        var session = Assert.Single(await SessionReads.EndedSessionsAsync(_server.Host, 1));
        Assert.Equal("connection dropped by an injected fault", session.Error);
    }

    [Fact]
    public async Task End_of_DATA_answers_with_the_rule_and_nothing_is_stored()
    {
        await SetRulesAsync(new { stage = "data", address = "victim@example.com", code = 554, text = "5.6.0 Message rejected" });
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            await wire.CommandAsync("RCPT TO:<victim@example.com>");
            Assert.StartsWith("354 ", await wire.CommandAsync("DATA"));
            Assert.Equal("554 5.6.0 Message rejected", await wire.CommandAsync("Subject: x\r\n\r\nbody\r\n."));

            // RFC 3030 BDAT LAST ends the content too.
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            await wire.CommandAsync("RCPT TO:<victim@example.com>");
            await wire.SendRawAsync("BDAT 6 LAST\r\nbody\r\n");
            Assert.Equal("554 5.6.0 Message rejected", await wire.ReadReplyAsync());

            // Another recipient is not matched: stored as usual.
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            await wire.CommandAsync("RCPT TO:<other@example.com>");
            await wire.CommandAsync("DATA");
            Assert.StartsWith("250 2.0.0 OK: queued as", await wire.CommandAsync("Subject: x\r\n\r\nbody\r\n."));
        }
        Assert.Equal(1, await MessageCountAsync());
        var transcript = await SessionReads.OnlyTranscriptAsync(_server.Host);
        Assert.Equal(2, transcript.Count(l => l == "info message discarded by the injected fault"));
    }

    [Fact]
    public async Task End_of_DATA_delay_stores_the_message_after_waiting()
    {
        await SetRulesAsync(new { stage = "data", action = "delay", delay = "0.4s" });
        await using (var wire = await GreetedAsync())
        {
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            await wire.CommandAsync("RCPT TO:<a@example.com>");
            await wire.CommandAsync("DATA");
            var clock = Stopwatch.StartNew();
            Assert.StartsWith("250 2.0.0 OK: queued as", await wire.CommandAsync("Subject: x\r\n\r\nbody\r\n."));
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"reply came after {clock.Elapsed}");
        }
        Assert.Equal(1, await MessageCountAsync());
    }

    [Fact]
    public async Task AUTH_answers_with_the_rule_for_a_matching_user()
    {
        await SetRulesAsync(new { stage = "auth", address = "alice", code = 454, text = "4.7.0 Temporary authentication failure" });
        await using var wire = await GreetedAsync();
        Assert.Equal("454 4.7.0 Temporary authentication failure", await wire.CommandAsync("AUTH PLAIN AGFsaWNlAHB3"));
        Assert.Equal("235 2.7.0 Authentication successful", await wire.CommandAsync("AUTH PLAIN AGJvYgBwdw=="));
    }

    [Fact]
    public async Task Rules_from_the_command_line_are_in_force_at_start_and_reported_by_the_API()
    {
        await using var server = await SecureHost.StartAsync("--smtp-fault", "rcpt *@flaky.test 100% 451 4.3.0 Try again later", "--smtp-fault", "data delay 2s");
        var rules = await server.Host.Http.GetStringAsync("api/v1/faults", Cancel);
        Assert.Equal(
            """{"rules":[{"stage":"rcpt","address":"*@flaky.test","probability":100,"action":"reply","code":451,"text":"4.3.0 Try again later","delay":null},{"stage":"data","address":null,"probability":100,"action":"delay","code":null,"text":null,"delay":"2000ms"}]}""",
            rules);
        var (wire, _) = await server.ConnectAsync();
        await using (wire)
        {
            await wire.CommandAsync("EHLO client.example");
            await wire.CommandAsync("MAIL FROM:<app@example.com>");
            Assert.Equal("451 4.3.0 Try again later", await wire.CommandAsync("RCPT TO:<x@flaky.test>"));
        }
    }

    [Fact]
    public async Task A_bad_rule_on_the_command_line_stops_startup()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => SecureHost.StartAsync("--smtp-fault", "rcpt 150% 451 4.3.0 x"));
        Assert.Equal("--smtp-fault 'rcpt 150% 451 4.3.0 x': probability must be between 0 and 100; it was 150.", error.Message);
    }
}
