using MailCatcher.Storage.Outbox;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Relay;
using MailCatcher.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Storage;

/// <summary>
/// Issue 14: outbox claims are leased, so an instance that starts while another is sending leaves
/// that entry alone, and an entry whose instance died mid-send is taken over once its lease ran out.
/// </summary>
public sealed class PostgresOutboxLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_instance_starting_while_another_sends_an_entry_does_not_send_it_again()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var target = await RelayTarget.StartAsync();
            // The relay takes 12 s to answer DATA: A's 5 s lease must be renewed twice or more meanwhile
            // (every 1.7 s; only a stall of over 3 s on a loaded machine would let it lapse).
            target.SetDataDelay(TimeSpan.FromSeconds(12));
            await using var a = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--db", url, "--relay-claim-lease", "00:00:05"));
            var id = await RelayTestKit.CaptureAsync(a, RelayTestKit.Sample(subject: "Slow relay"));
            var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(a, id));
            await RelayTestKit.WaitForEntryAsync(a, entry.Id, e => e.State == "sending");

            // B starts mid-send: its start-up requeue and its claim loop both see A's live claim.
            await using var b = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--db", url, "--relay-claim-lease", "00:00:05"));
            var sent = await WaitForStateAsync(b, entry.Id, "sent", TimeSpan.FromSeconds(90));

            // A copy B had sent would reach the relay up to 12 s after A's: wait that out, then count.
            await Task.Delay(TimeSpan.FromSeconds(13), Ct);
            Assert.Equal(1, target.ReceivedCount);
            Assert.Single(sent.Attempts);
            Assert.Single((await RelayTestKit.WaitForEntryAsync(a, entry.Id, e => e.State == "sent")).Attempts);
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task An_entry_whose_instance_died_mid_send_is_taken_over_after_its_lease_and_sent_once()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var target = await RelayTarget.StartAsync();
            // A has no relay: its worker never sends or renews, so a claim made through its store
            // below is exactly what an instance killed mid-send leaves behind.
            await using var a = await TestHost.StartAsync("--db", url);
            var id = await RelayTestKit.CaptureAsync(a, RelayTestKit.Sample(subject: "Orphaned"));
            var raw = await a.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", Ct);
            var store = a.Services.GetRequiredService<OutboxStore>();
            var now = DateTime.UtcNow;
            var queued = await store.AddAsync(id, "app@sender.test", ["user@example.com"], new MemoryStream(raw), now, Ct);
            var claimed = Assert.Single(await store.ClaimDueAsync(now, 10, TimeSpan.FromSeconds(20), Ct));
            Assert.Equal(queued.Id, claimed.Id);

            await using var b = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--db", url, "--relay-claim-lease", "00:00:03"));
            // Within the 20 s lease B's start-up leaves the entry alone...
            Assert.Equal("sending", (await b.GetJsonAsync<OutboxEntryDto>($"api/v1/outbox/{queued.Id}"))!.State);
            Assert.Equal(0, target.ReceivedCount);

            // ...and once it has run out, B takes it over and sends it.
            var sent = await WaitForStateAsync(b, queued.Id, "sent", TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            Assert.Equal(1, target.ReceivedCount);
            Assert.Single(sent.Attempts);
            Assert.Equal(raw, (await target.WaitForMessageAsync()).Bytes);
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    private static async Task<OutboxEntryDto> WaitForStateAsync(TestHost host, long id, string state, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var entry = (await host.GetJsonAsync<OutboxEntryDto>($"api/v1/outbox/{id}"))!;
            if (entry.State == state)
            {
                return entry;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Outbox entry {id} stayed {entry.State}.");
            await Task.Delay(200, Ct);
        }
    }
}
