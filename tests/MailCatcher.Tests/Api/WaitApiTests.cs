using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MailCatcher.Api;
using MailCatcher.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Api;

/// <summary><c>GET /api/v1/messages/wait</c>: wakes on arrival, times out with 408, and hundreds of waiters cost nothing.</summary>
public class WaitApiTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> WaitAsync(string query) => _host.Http.GetAsync("api/v1/messages/wait?" + query, Ct);

    private async Task WaitersRegisteredAsync(int count)
    {
        var waiters = _host.Services.GetRequiredService<MessageWaiters>();
        var clock = Stopwatch.StartNew();
        while (waiters.Count < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"only {waiters.Count} of {count} waiters registered");
            await Task.Delay(20, Ct);
        }
    }

    private static async Task<WaitResultDto> ResultAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<WaitResultDto>(TestJson.Options, Ct))!;
    }

    [Fact]
    public async Task Returns_at_once_when_the_message_is_already_there()
    {
        await _host.SendAsync("app@example.com", "early@example.com", "Already here", "x");
        var result = await ResultAsync(await WaitAsync("q=to%3Aearly%40example.com&timeout=30"));
        Assert.Equal("Already here", Assert.Single(result.Messages).Subject);
    }

    [Fact]
    public async Task Wakes_when_a_matching_message_arrives_not_at_the_timeout()
    {
        var clock = Stopwatch.StartNew();
        var waiting = WaitAsync("q=subject%3Awelcome&timeout=60");
        await WaitersRegisteredAsync(1);
        await _host.SendAsync("app@example.com", "other@example.com", "Unrelated", "x");
        Assert.False(waiting.IsCompleted);
        var sentAt = clock.Elapsed;
        await _host.SendAsync("app@example.com", "new@example.com", "Welcome aboard", "x");

        var result = await ResultAsync(await waiting);

        Assert.Equal("Welcome aboard", Assert.Single(result.Messages).Subject);
        Assert.True(clock.Elapsed - sentAt < TimeSpan.FromSeconds(30), $"woke {clock.Elapsed - sentAt} after the send, like a timeout");
    }

    [Fact]
    public async Task Times_out_with_a_408_problem()
    {
        var response = await WaitAsync("q=subject%3Anever&timeout=0.3");
        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestTimeout, "within 0.3 s");
        Assert.Equal(0, _host.Services.GetRequiredService<MessageWaiters>().Count);
    }

    [Fact]
    public async Task Since_an_id_means_strictly_after_it()
    {
        await _host.SendAsync("app@example.com", "a@example.com", "First", "x");
        var first = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages[0];

        var waiting = WaitAsync($"since={first.Id}&timeout=60");
        await WaitersRegisteredAsync(1);
        Assert.False(waiting.IsCompleted);
        await _host.SendAsync("app@example.com", "a@example.com", "Second", "x");

        Assert.Equal("Second", Assert.Single((await ResultAsync(await waiting)).Messages).Subject);
    }

    [Fact]
    public async Task Since_a_time_means_received_after_it()
    {
        await _host.SendAsync("app@example.com", "a@example.com", "Before", "x");
        var before = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages[0];
        var since = Uri.EscapeDataString(before.ReceivedAt.ToString("O"));

        var waiting = WaitAsync($"since={since}&timeout=60");
        await WaitersRegisteredAsync(1);
        await _host.SendAsync("app@example.com", "a@example.com", "After", "x");

        Assert.Equal("After", Assert.Single((await ResultAsync(await waiting)).Messages).Subject);
        var older = await ResultAsync(await WaitAsync("since=2000-01-01T00:00:00Z&count=2&timeout=5"));
        Assert.Equal(["After", "Before"], older.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task Count_waits_for_that_many_and_returns_the_newest_first()
    {
        var waiting = WaitAsync("q=batch&count=3&timeout=60");
        await WaitersRegisteredAsync(1);
        await _host.SendAsync("app@example.com", "a@example.com", "batch 1", "x");
        await _host.SendAsync("app@example.com", "a@example.com", "batch 2", "x");
        Assert.False(waiting.IsCompleted);
        await _host.SendAsync("app@example.com", "a@example.com", "batch 3", "x");

        Assert.Equal(["batch 3", "batch 2", "batch 1"], (await ResultAsync(await waiting)).Messages.Select(m => m.Subject));
    }

    [Theory]
    [InlineData("timeout=0", "timeout")]
    [InlineData("timeout=301", "timeout")]
    [InlineData("timeout=-5", "timeout")]
    [InlineData("count=0", "count")]
    [InlineData("count=1001", "count")]
    [InlineData("since=yesterday", "since")]
    [InlineData("q=is%3Astarred", "is:read or is:unread")]
    public async Task Bad_parameters_are_400(string query, string reason)
    {
        await ApiAssert.ProblemAsync(await WaitAsync(query), HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Five_hundred_waiters_do_not_disturb_ingestion()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var http = new HttpClient { BaseAddress = _host.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var waiters = Enumerable.Range(0, 500)
            .Select(i => http.GetAsync($"api/v1/messages/wait?q=to%3Auser{i}%40example.com&timeout=120", cancel.Token))
            .ToList();
        await WaitersRegisteredAsync(500);

        // 40 messages while they wait: every one acknowledged (MailKit throws otherwise) and stored.
        var messages = Enumerable.Range(0, 40).Select(i => MailSender.Message("app@example.com", $"user{i}@example.com", $"Load {i}", "x")).ToArray();
        await _host.SendAsync(messages);

        var page = await _host.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=100");
        Assert.Equal(40, page!.Total);
        for (var i = 0; i < 40; i++)
        {
            var result = await ResultAsync(await waiters[i]);
            Assert.Equal($"Load {i}", Assert.Single(result.Messages).Subject);
        }
        Assert.All(waiters.Skip(40), w => Assert.False(w.IsCompleted));

        await cancel.CancelAsync();
        await Task.WhenAll(waiters.Skip(40).Select(async w => await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w)));
        var registry = _host.Services.GetRequiredService<MessageWaiters>();
        var clock = Stopwatch.StartNew();
        while (registry.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, Ct);
        }
        Assert.Equal(0, registry.Count);
    }
}
