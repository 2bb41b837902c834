using System.Net;
using System.Net.Http.Json;
using MailCatcher.Api;
using MailCatcher.Core.Events;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Shared;
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
