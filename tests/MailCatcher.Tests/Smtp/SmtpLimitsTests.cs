using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Smtp;

/// <summary>Idle timeout and connection limits, each on a host configured small enough to reach them.</summary>
public sealed class SmtpLimitsTests
{
    [Fact]
    public async Task An_idle_session_is_answered_421_4_4_2_and_closed()
    {
        await using var host = await TestHost.StartAsync("--smtp-idle-timeout", "00:00:01");
        var (wire, _) = await SmtpWire.ConnectAsync(host.SmtpPort);
        await using (wire)
        {
            Assert.StartsWith("250", await wire.CommandAsync("EHLO idle.test"));

            // Say nothing; the server must speak first.
            Assert.StartsWith("421 4.4.2", await wire.ReadReplyAsync());
            Assert.True(await wire.IsClosedAsync());
        }
    }

    /// <summary>A client that stalls inside DATA: 421, nothing stored, and the session says a partial message was discarded.</summary>
    [Fact]
    public async Task An_idle_timeout_during_DATA_records_that_the_partial_message_was_discarded()
    {
        await using var host = await TestHost.StartAsync("--smtp-idle-timeout", "00:00:01");
        var (wire, _) = await SmtpWire.ConnectAsync(host.SmtpPort);
        await using (wire)
        {
            await wire.CommandAsync("EHLO stalling.test");
            await wire.CommandAsync("MAIL FROM:<a@b.test>");
            await wire.CommandAsync("RCPT TO:<c@d.test>");
            Assert.StartsWith("354", await wire.CommandAsync("DATA"));
            await wire.SendRawAsync("Subject: stalled\r\n\r\nhalf a bo");

            Assert.StartsWith("421 4.4.2", await wire.ReadReplyAsync());
        }

        SessionDto? session = null;
        for (var attempt = 0; attempt < 200 && session is null; attempt++)
        {
            session = (await host.GetJsonAsync<SessionPageDto>("api/v1/sessions"))!.Sessions.FirstOrDefault(s => s.EndedAt is not null);
            await Task.Delay(session is null ? 25 : 0, TestContext.Current.CancellationToken);
        }
        Assert.Equal("idle timeout during message content; the partial message was discarded", session?.Error);
        Assert.Equal(0, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task A_connection_over_the_limit_is_answered_421_4_3_2_and_closed_while_others_continue()
    {
        await using var host = await TestHost.StartAsync("--smtp-max-connections", "2");
        var (first, _) = await SmtpWire.ConnectAsync(host.SmtpPort);
        var (second, _) = await SmtpWire.ConnectAsync(host.SmtpPort);
        await using (first)
        await using (second)
        {
            var (third, greeting) = await SmtpWire.ConnectAsync(host.SmtpPort);
            await using (third)
            {
                Assert.StartsWith("421 4.3.2", greeting);
                Assert.True(await third.IsClosedAsync());
            }
            Assert.Equal("250 2.0.0 OK", await first.CommandAsync("NOOP"));
            await second.CommandAsync("QUIT");
        }

        // A slot is free again once a session has ended (the server notices the QUIT asynchronously).
        string laterGreeting = "";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (later, greeting) = await SmtpWire.ConnectAsync(host.SmtpPort);
            await later.DisposeAsync();
            laterGreeting = greeting;
            if (greeting.StartsWith("220", StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.StartsWith("220", laterGreeting);
    }
}
