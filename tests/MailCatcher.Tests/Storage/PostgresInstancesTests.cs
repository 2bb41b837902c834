using System.Net;
using System.Net.Http.Json;
using MailCatcher.Api;
using MailCatcher.Core.Events;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Relay;
using MailCatcher.Tests.Shared;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Storage;

/// <summary>Issue 14: two MailCatcher instances on one PostgreSQL database, as behind a load balancer.</summary>
public sealed class PostgresInstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mail_delivered_to_one_instance_wakes_a_wait_and_reaches_the_event_bus_of_the_other()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var a = await TestHost.StartAsync("--db", url);
            await using var b = await TestHost.StartAsync("--db", url);
            var announcedOnB = new TaskCompletionSource<MessageReceived>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = b.Services.GetRequiredService<MailEventBus>().Subscribe(e =>
            {
                if (e is MessageReceived { Message.Subject: "Fan-out from A" } received)
                {
                    announcedOnB.TrySetResult(received);
                }
            });
            var waiting = b.Http.GetAsync("api/v1/messages/wait?q=subject%3Afan-out&timeout=90", Ct);
            await WaiterRegisteredAsync(b);

            await a.SendAsync("app@example.com", "qa@example.com", "Fan-out from A", "delivered to instance A");

            using var response = await waiting;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = (await response.Content.ReadFromJsonAsync<WaitResultDto>(TestJson.Options, Ct))!;
            Assert.Equal("Fan-out from A", Assert.Single(result.Messages).Subject);
            var announced = await announcedOnB.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.Equal("qa@example.com", Assert.Single(announced.Message.To).Address);
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task Two_instances_send_each_released_entry_to_the_relay_exactly_once()
    {
        const int Entries = 12;
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var target = await RelayTarget.StartAsync();
            await using var a = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--db", url));
            await using var b = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--db", url));
            var released = new List<long>();
            for (var i = 0; i < Entries; i++)
            {
                var id = await RelayTestKit.CaptureAsync(a, RelayTestKit.Sample(subject: $"Release {i}"));
                released.Add((await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(i % 2 == 0 ? a : b, id))).Id);
            }

            foreach (var entry in released)
            {
                await RelayTestKit.WaitForEntryAsync(a, entry, e => e.State == "sent");
            }
            // Both workers poll the same outbox: a second claim of any entry would be a second copy at the relay.
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            Assert.Equal(Entries, target.ReceivedCount);
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task An_imap_client_idling_on_one_instance_is_told_of_mail_delivered_to_the_other()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var a = await TestHost.StartAsync("--db", url);
            await using var b = await TestHost.StartAsync("--db", url);
            using var client = new ImapClient();
            await client.ConnectAsync("127.0.0.1", b.ImapPort!.Value, MailKit.Security.SecureSocketOptions.None, Ct);
            await client.AuthenticateAsync("anyone", "any password", Ct);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Ct);
            var arrived = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.Inbox.CountChanged += (_, _) => arrived.TrySetResult(client.Inbox.Count);
            using var done = new CancellationTokenSource();
            var idle = client.IdleAsync(done.Token, Ct);

            await a.SendAsync("app@example.com", "qa@example.com", "Idle across instances", "delivered to instance A");

            // RFC 2177: the untagged EXISTS arrives while B's client is still idling.
            var count = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await done.CancelAsync();
            await idle;
            Assert.Equal(1, count);
            var summary = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.UniqueId, Ct);
            Assert.Equal("Idle across instances", Assert.Single(summary).Envelope!.Subject);
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    private static async Task WaiterRegisteredAsync(TestHost host)
    {
        var waiters = host.Services.GetRequiredService<MessageWaiters>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (waiters.Count < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the wait never registered");
            await Task.Delay(20, Ct);
        }
    }
}
