using System.Net;
using MailCatcher.Tests.Api;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Shared;

namespace MailCatcher.Tests.Storage;

/// <summary>
/// Issue 14: the PostgreSQL server stops while MailCatcher runs (pg_ctl stop on a cluster of this
/// test's own) and starts again. No 250 for a message that was not stored; the health endpoint
/// says so; MailCatcher recovers without a restart.
/// </summary>
public sealed class PostgresOutageTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_stopped_server_means_451_and_503_and_mail_flows_again_when_it_is_back()
    {
        await using var cluster = await PostgresCluster.StartPrivateAsync();
        var url = await cluster.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync("--db", url);
        await host.SendAsync("ann@example.com", "bob@example.com", "before", "stored while the server runs");

        await cluster.StopAsync();

        // RFC 5321 §4.2.5: a transient failure after DATA; the client keeps the message and retries.
        Assert.StartsWith("451 4.3.0", await DeliverOverTheWireAsync(host, "during"), StringComparison.Ordinal);
        using (var health = await host.Http.GetAsync("healthz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        await cluster.StartAsync();

        await WaitUntilHealthyAsync(host);
        Assert.StartsWith("250", await DeliverOverTheWireAsync(host, "after"), StringComparison.Ordinal);
        Assert.Equal(["after", "before"], await host.SubjectsAsync(""));
    }

    private static async Task<string> DeliverOverTheWireAsync(TestHost host, string subject)
    {
        var (wire, _) = await SmtpWire.ConnectAsync(host.SmtpPort);
        await using (wire)
        {
            await wire.CommandAsync("EHLO outage.test");
            await wire.CommandAsync("MAIL FROM:<ann@example.com>");
            await wire.CommandAsync("RCPT TO:<bob@example.com>");
            await wire.CommandAsync("DATA");
            return await wire.CommandAsync($"Subject: {subject}\r\n\r\nbody\r\n.");
        }
    }

    private static async Task WaitUntilHealthyAsync(TestHost host)
    {
        var deadline = DateTime.UtcNow + Recovery;
        while (true)
        {
            using (var health = await host.Http.GetAsync("healthz", TestContext.Current.CancellationToken))
            {
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"/healthz was not 200 within {Recovery.TotalSeconds} s of PostgreSQL starting again");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
