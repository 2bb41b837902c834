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
