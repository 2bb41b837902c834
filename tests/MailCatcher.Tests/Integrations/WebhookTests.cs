using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailCatcher.Hosting;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Integrations;

/// <summary>Webhooks: a loopback receiver gets signed summaries after commit, filtered, retried, bounded, listed.</summary>
public sealed class WebhookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record DeliveryDto(long Id, string Url, long MessageId, string Outcome, int Attempts, int? StatusCode, string? Error);

    private sealed record TargetDto(string Url, string? Query, bool Signed);

    private sealed record OverviewDto(List<TargetDto> Webhooks, long Delivered, long Failed, long Dropped, List<DeliveryDto> Deliveries);

    private static Dictionary<string, string?> FastRetries(params string[] delays)
    {
        var settings = new Dictionary<string, string?> { ["WebhookDelivery:Timeout"] = "00:00:02" };
        for (var i = 0; i < delays.Length; i++)
        {
            settings[$"WebhookDelivery:RetryDelays:{i}"] = delays[i];
        }
        return settings;
    }

    private static async Task<OverviewDto> WaitForOverviewAsync(TestHost host, Func<OverviewDto, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var overview = (await host.GetJsonAsync<OverviewDto>("api/v1/webhooks"))!;
            if (done(overview))
            {
                return overview;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"webhook deliveries did not settle: {JsonSerializer.Serialize(overview)}");
            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task Posts_the_summary_signed_with_HMAC_SHA256_and_lists_the_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync("--webhook", $"{receiver.Url} secret=s3cret");

        await host.SendAsync("app@example.com", "ann@example.com", "Welcome", "hello");
        var request = await receiver.NextAsync();

        Assert.Equal("/hook", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("message.received", request.Headers["X-MailCatcher-Event"]);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret"u8.ToArray(), request.Body));
        Assert.Equal(expected, request.Headers["X-MailCatcher-Signature"]);
        var summary = JsonSerializer.Deserialize<MessageSummaryDto>(request.Body, TestJson.Options)!;
        Assert.Equal("Welcome", summary.Subject);
        Assert.Equal(["ann@example.com"], summary.EnvelopeTo);
        // Same shape as the REST summary: the stored message's summary, field for field.
        var listed = JsonNode.Parse(await host.Http.GetStringAsync("api/v1/messages", Ct))!["messages"]![0];
        Assert.True(JsonNode.DeepEquals(listed, JsonNode.Parse(request.Body)), $"{listed}\n{Encoding.UTF8.GetString(request.Body)}");

        var overview = await WaitForOverviewAsync(host, o => o.Delivered == 1);
        Assert.Equal(new TargetDto(receiver.Url.ToString(), null, true), Assert.Single(overview.Webhooks));
        var delivery = Assert.Single(overview.Deliveries);
        Assert.Equal(("delivered", 1, 200, summary.Id), (delivery.Outcome, delivery.Attempts, delivery.StatusCode, delivery.MessageId));
        Assert.Equal(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["X-MailCatcher-Delivery"]);
    }

    [Fact]
    public async Task Only_messages_matching_the_webhooks_search_are_posted_and_unsigned_without_a_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync("--webhook", $"{receiver.Url} q=to:ci@example.com subject:\"build failed\"");

        await host.SendAsync("app@example.com", "other@example.com", "Build failed", "x");
        await host.SendAsync("app@example.com", "ci@example.com", "Build passed", "x");
        await host.SendAsync("app@example.com", "ci@example.com", "Build failed on main", "x");

        var request = await receiver.NextAsync();
        Assert.Equal("Build failed on main", JsonSerializer.Deserialize<MessageSummaryDto>(request.Body, TestJson.Options)!.Subject);
        Assert.False(request.Headers.ContainsKey("X-MailCatcher-Signature"));
        Assert.False(await receiver.AnyWithinAsync(TimeSpan.FromMilliseconds(500)));
        var overview = await WaitForOverviewAsync(host, o => o.Delivered == 1);
        Assert.Equal("to:ci@example.com subject:\"build failed\"", overview.Webhooks[0].Query);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_back_off_until_it_answers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(500, 503);
        await using var host = await TestHost.StartWithSettingsAsync(FastRetries("00:00:00.100", "00:00:00.200", "00:00:00.300"), "--webhook", receiver.Url.ToString());

        var clock = Stopwatch.StartNew();
        await host.SendAsync("app@example.com", "ann@example.com", "Retry me", "x");

        var overview = await WaitForOverviewAsync(host, o => o.Delivered == 1);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"retried after {clock.Elapsed}, before the back-off");
        Assert.Equal(3, receiver.Count);
        var delivery = Assert.Single(overview.Deliveries);
        Assert.Equal(("delivered", 3, 200), (delivery.Outcome, delivery.Attempts, delivery.StatusCode));
    }

    [Fact]
    public async Task Retries_are_bounded_and_a_client_error_is_not_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(500, 500, 500, 404);
        await using var host = await TestHost.StartWithSettingsAsync(FastRetries("00:00:00.050", "00:00:00.050"), "--webhook", receiver.Url.ToString());

        await host.SendAsync("app@example.com", "ann@example.com", "Gives up", "x");
        var first = await WaitForOverviewAsync(host, o => o.Failed == 1);
        Assert.Equal(("failed", 3, 500), (first.Deliveries[0].Outcome, first.Deliveries[0].Attempts, first.Deliveries[0].StatusCode));

        await host.SendAsync("app@example.com", "ann@example.com", "Not found", "x");
        var second = await WaitForOverviewAsync(host, o => o.Failed == 2);
        Assert.Equal(("failed", 1, 404), (second.Deliveries[0].Outcome, second.Deliveries[0].Attempts, second.Deliveries[0].StatusCode));
        Assert.Equal(4, receiver.Count);
    }

    [Fact]
    public async Task A_hanging_receiver_never_slows_SMTP_and_a_full_queue_drops_and_counts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.HoldRequests = true;
        var settings = FastRetries();
        settings["WebhookDelivery:QueueCapacity"] = "2";
        settings["WebhookDelivery:Concurrency"] = "1";
        await using var host = await TestHost.StartWithSettingsAsync(settings, "--webhook", receiver.Url.ToString());

        var clock = Stopwatch.StartNew();
        await host.SendAsync([.. Enumerable.Range(1, 20).Select(i => MailSender.Message("app@example.com", "ann@example.com", $"Message {i}", "x"))]);
        var sendTime = clock.Elapsed;

        Assert.Equal(20, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
        Assert.True(sendTime < TimeSpan.FromSeconds(10), $"20 messages took {sendTime} with the receiver hanging");
        var overview = await WaitForOverviewAsync(host, o => o.Dropped > 0);
        Assert.Contains(overview.Deliveries, d => d.Outcome == "dropped" && d.Error!.Contains("queue full", StringComparison.Ordinal));
        receiver.Gate.TrySetResult();
    }

    [Fact]
    public async Task The_api_never_shows_a_secret_and_the_page_is_served()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync("--webhook", $"{receiver.Url} q=tag:none secret=x");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Http.GetAsync("webhooks", Ct)).StatusCode);
        var overview = (await host.GetJsonAsync<OverviewDto>("api/v1/webhooks"))!;
        Assert.Equal("tag:none", Assert.Single(overview.Webhooks).Query);
        Assert.DoesNotContain("secret=x", await host.Http.GetStringAsync("api/v1/webhooks", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-url", "absolute http")]
    [InlineData("ftp://example.com/hook", "absolute http")]
    [InlineData("http://127.0.0.1:9/hook q=subject:\"unclosed", "malformed")]
    [InlineData("http://127.0.0.1:9/hook extra", "only q=QUERY and secret=SECRET")]
    public async Task A_malformed_webhook_stops_the_start_with_a_sentence(string spec, string expected)
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => TestHost.StartAsync("--webhook", spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_is_GitHub_style_lowercase_hex()
    {
        // Known HMAC-SHA256 test vector (RFC 4231 §4.2 uses binary keys; this one is the widely published "key"/"The quick brown fox…").
        var body = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", MailCatcher.Integrations.Webhooks.WebhookSender.Sign("key", body));
    }
}
