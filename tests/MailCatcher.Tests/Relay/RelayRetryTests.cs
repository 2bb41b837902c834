using System.Text;
using MailCatcher.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace MailCatcher.Tests.Relay;

/// <summary>The outbox when the relay fails: deferral and retry (RFC 5321 §4.5.4.1), permanent failure and bounce (RFC 3464), restarts.</summary>
public sealed class RelayRetryTests
{
    [Fact]
    public async Task Relay_that_is_down_defers_and_a_later_attempt_succeeds()
    {
        await using var target = await RelayTarget.StartAsync(down: true);
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "00:00:01"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));
        var deferred = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "deferred");

        Assert.NotNull(deferred.NextAttemptAt);
        var failure = Assert.Single(deferred.Attempts);
        Assert.Null(failure.Code);
        Assert.Equal(0, target.ReceivedCount);

        target.SetDown(false);
        var sent = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "sent");

        Assert.True(sent.Attempts.Count >= 2);
        Assert.Equal(250, sent.Attempts[^1].Code);
        var (bytes, _, _) = await target.WaitForMessageAsync();
        Assert.Equal(await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken), bytes);
    }

    [Fact]
    public async Task Entry_that_cannot_be_delivered_within_the_give_up_time_fails_and_bounces_with_4_4_7()
    {
        await using var target = await RelayTarget.StartAsync(down: true);
        // Give-up at 8 retry intervals, not 3: on a loaded 2-core CI machine the worker's second
        // attempt came after a 3 s give-up (one attempt recorded), once in session 4 and once in CI.
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "00:00:01", "--relay-give-up", "00:00:08"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));
        var failed = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "failed" && e.BounceMessageId is not null);

        Assert.True(failed.Attempts.Count >= 2);
        Assert.All(failed.Attempts, a => Assert.Null(a.Code));
        var raw = await host.Http.GetByteArrayAsync($"api/v1/messages/{failed.BounceMessageId}/raw", TestContext.Current.CancellationToken);
        var report = Assert.IsType<MultipartReport>(MimeMessage.Load(new MemoryStream(raw), TestContext.Current.CancellationToken).Body);
        Assert.Equal("4.4.7", Assert.IsType<MessageDeliveryStatus>(report[1]).StatusGroups[1]["Status"]);
        Assert.Equal(0, target.ReceivedCount);
    }

    [Fact]
    public async Task Bad_relay_setting_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(new[] { "--relay-host", "127.0.0.1", "--relay-concurrency", "0" }));
        Assert.Contains("MaxConcurrency", error.ToString());
    }

    [Fact]
    public async Task A_claim_lease_under_a_second_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(new[] { "--relay-host", "127.0.0.1", "--relay-claim-lease", "00:00:00.2" }));
        Assert.Contains("ClaimLease", error.ToString());
    }

    [Fact]
    public async Task Relay_answering_451_defers_with_the_reply_recorded()
    {
        await using var target = await RelayTarget.StartAsync();
        target.SetReply("451 4.3.0 Try again later");
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "01:00:00"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));
        var deferred = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "deferred");

        var attempt = Assert.Single(deferred.Attempts);
        Assert.Equal(451, attempt.Code);
        Assert.Contains("Try again later", attempt.Text);
        Assert.InRange(deferred.NextAttemptAt!.Value, attempt.At.AddMinutes(59), attempt.At.AddMinutes(61));

        // A manual retry goes at once, not in an hour.
        target.SetReply(null);
        var retry = await host.Http.PostAsync($"api/v1/outbox/{entry.Id}/retry", null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, retry.StatusCode);
        await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "sent");
        var again = await host.Http.PostAsync($"api/v1/outbox/{entry.Id}/retry", null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Relay_answering_550_fails_at_once_and_bounces_to_the_sender()
    {
        await using var target = await RelayTarget.StartAsync();
        target.SetReply("550 5.1.1 <user@example.com>: Recipient address rejected");
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--hostname", "catcher.test"));
        var original = RelayTestKit.Sample(subject: "Password reset");
        var id = await RelayTestKit.CaptureAsync(host, original);

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));
        var failed = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "failed" && e.BounceMessageId is not null);

        var attempt = Assert.Single(failed.Attempts);
        Assert.Equal(550, attempt.Code);
        Assert.Null(failed.NextAttemptAt);
        var bounce = (await host.GetJsonAsync<MessageSummaryDto>($"api/v1/messages/{failed.BounceMessageId}"))!;
        Assert.Contains("bounce", bounce.Tags);
        Assert.Equal("MAILER-DAEMON@catcher.test", bounce.From!.Address);
        Assert.Equal("", bounce.EnvelopeFrom); // RFC 5321 §4.5.5: null reverse-path
        Assert.Equal(["app@sender.test"], bounce.EnvelopeTo);

        var raw = await host.Http.GetByteArrayAsync($"api/v1/messages/{bounce.Id}/raw", TestContext.Current.CancellationToken);
        var report = MimeMessage.Load(new MemoryStream(raw), TestContext.Current.CancellationToken);
        var multipart = Assert.IsType<MultipartReport>(report.Body);
        Assert.Equal("delivery-status", multipart.ReportType);
        var status = Assert.IsType<MessageDeliveryStatus>(multipart[1]);
        var recipient = status.StatusGroups[1];
        Assert.Equal("rfc822; user@example.com", recipient["Final-Recipient"]);
        Assert.Equal("failed", recipient["Action"]);
        Assert.Equal("5.1.1", recipient["Status"]);
        Assert.Equal("smtp; 550 5.1.1 <user@example.com>: Recipient address rejected", recipient["Diagnostic-Code"]);
        Assert.Equal("text/rfc822-headers", multipart[2].ContentType.MimeType);
        Assert.Contains("Subject: Password reset", Encoding.UTF8.GetString(raw));

        // Released by hand, the bounce keeps its null reverse-path at the relay too.
        target.SetReply(null);
        var again = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, bounce.Id, "postmaster@example.com"));
        var (relayed, from, _) = await target.WaitForMessageAsync();
        Assert.Equal("<>", from); // aiosmtpd reports the null reverse-path as written
        Assert.Equal(raw, relayed);
        var sent = await RelayTestKit.WaitForEntryAsync(host, again.Id, e => e.State == "sent");
        Assert.Contains("C: MAIL FROM:<>", sent.Attempts[^1].Transcript);
    }

    [Fact]
    public async Task Restart_in_the_middle_keeps_the_queue_and_sends_it()
    {
        await using var hanging = await RelayTarget.StartAsync();
        hanging.SetHang(true);
        var first = await TestHost.StartAsync(RelayTestKit.RelayArgs(hanging, "--relay-concurrency", "1"));
        var databasePath = first.DatabasePath;
        var one = await RelayTestKit.CaptureAsync(first, RelayTestKit.Sample(subject: "one"));
        var two = await RelayTestKit.CaptureAsync(first, RelayTestKit.Sample(subject: "two"));
        var entryOne = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(first, one));
        var entryTwo = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(first, two));
        await RelayTestKit.WaitForEntryAsync(first, entryOne.Id, e => e.State == "sending");
        Assert.Equal("queued", (await first.GetJsonAsync<OutboxEntryDto>($"api/v1/outbox/{entryTwo.Id}"))!.State);

        await first.StopKeepingDatabaseAsync();
        // Then pretend the process died while sending: the state a crash leaves behind.
        await using (var db = new SqliteConnection($"Data Source={databasePath};Pooling=false"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var crash = db.CreateCommand();
            crash.CommandText = $"UPDATE OutboxEntries SET State = 'sending' WHERE Id = {entryOne.Id}";
            Assert.Equal(1, await crash.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await using var target = await RelayTarget.StartAsync();
        await using var second = await TestHost.StartAsync(databasePath, RelayTestKit.RelayArgs(target));

        await RelayTestKit.WaitForEntryAsync(second, entryOne.Id, e => e.State == "sent");
        await RelayTestKit.WaitForEntryAsync(second, entryTwo.Id, e => e.State == "sent");
        var subjects = new List<string>();
        for (var n = 1; n <= 2; n++)
        {
            var (bytes, _, _) = await target.WaitForMessageAsync(n);
            subjects.Add(MimeMessage.Load(new MemoryStream(bytes), TestContext.Current.CancellationToken).Subject ?? "");
        }
        Assert.Equal(["one", "two"], subjects.Order());
    }

    [Fact]
    public async Task Deleted_entry_is_gone_and_never_sent()
    {
        await using var target = await RelayTarget.StartAsync(down: true);
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "00:00:01"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());
        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));
        await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "deferred");

        var deleted = await host.Http.DeleteAsync($"api/v1/outbox/{entry.Id}", TestContext.Current.CancellationToken);
        target.SetDown(false);
        await Task.Delay(2500, TestContext.Current.CancellationToken); // past the 1 s back-off

        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Http.GetAsync($"api/v1/outbox/{entry.Id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0, target.ReceivedCount);
    }
}
