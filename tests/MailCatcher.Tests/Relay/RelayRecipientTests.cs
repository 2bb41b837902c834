using MailCatcher.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Tests.Relay;

/// <summary>
/// A relay that refuses some recipients at RCPT: RFC 5321 §3.3 has the message delivered to the
/// accepted ones; the refused ones are bounced (5xx) or tried again on their own (4xx).
/// </summary>
public sealed class RelayRecipientTests
{
    [Fact]
    public async Task Permanently_refused_recipient_is_bounced_and_the_others_get_the_message()
    {
        await using var target = await RelayTarget.StartAsync();
        target.SetReplyFor("gone@example.com", "550 5.1.1 No such user");
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id, "ok@example.com", "gone@example.com"));
        var sent = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "sent" && e.BounceMessageId is not null);

        var (_, _, to) = await target.WaitForMessageAsync();
        Assert.Equal(["ok@example.com"], to);
        var attempt = Assert.Single(sent.Attempts);
        Assert.Equal(250, attempt.Code);
        Assert.Contains("<gone@example.com> 550 5.1.1 No such user", attempt.Text);
        var status = await BounceStatusAsync(host, sent.BounceMessageId!.Value);
        Assert.Equal("rfc822; gone@example.com", status["Final-Recipient"]);
        Assert.Equal("5.1.1", status["Status"]);
        Assert.Equal(1, (await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox"))!.Total);
    }

    [Fact]
    public async Task Temporarily_refused_recipient_is_retried_as_its_own_entry()
    {
        await using var target = await RelayTarget.StartAsync();
        target.SetReplyFor("busy@example.com", "451 4.2.1 Mailbox busy, try later");
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "00:00:01"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id, "ok@example.com", "busy@example.com"));
        var sent = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "sent");
        Assert.Null(sent.BounceMessageId);
        var (_, _, firstTo) = await target.WaitForMessageAsync();
        Assert.Equal(["ok@example.com"], firstTo);

        var retry = (await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox"))!.Entries.Single(e => e.Id != entry.Id);
        Assert.Contains($"retried as outbox entry {retry.Id}", Assert.Single(sent.Attempts).Text);
        Assert.Equal(["busy@example.com"], retry.To);
        Assert.Equal(id, retry.MessageId);

        target.SetReplyFor("busy@example.com", null);
        var later = await RelayTestKit.WaitForEntryAsync(host, retry.Id, e => e.State == "sent");
        Assert.Equal(250, later.Attempts[^1].Code);
        var (bytes, _, secondTo) = await target.WaitForMessageAsync(2);
        Assert.Equal(["busy@example.com"], secondTo);
        Assert.Equal(await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken), bytes);
    }

    [Fact]
    public async Task Every_recipient_refused_in_different_ways_fails_the_entry_bounces_some_and_retries_others()
    {
        await using var target = await RelayTarget.StartAsync();
        target.SetReplyFor("gone@example.com", "550 5.1.1 No such user");
        target.SetReplyFor("busy@example.com", "451 4.2.1 Mailbox busy, try later");
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "01:00:00"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id, "gone@example.com", "busy@example.com"));
        var failed = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "failed" && e.BounceMessageId is not null);

        Assert.Equal(0, target.ReceivedCount);
        Assert.StartsWith("No recipient was accepted", Assert.Single(failed.Attempts).Text);
        var status = await BounceStatusAsync(host, failed.BounceMessageId!.Value);
        Assert.Equal("rfc822; gone@example.com", status["Final-Recipient"]);
        var retry = (await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox"))!.Entries.Single(e => e.Id != entry.Id);
        Assert.Equal("deferred", retry.State);
        Assert.Equal(["busy@example.com"], retry.To);
    }

    [Fact]
    public async Task One_recipient_refused_for_now_defers_the_whole_entry_as_before()
    {
        await using var target = await RelayTarget.StartAsync();
        target.SetReplyFor("busy@example.com", "451 4.2.1 Mailbox busy, try later");
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-retry", "01:00:00"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id, "busy@example.com"));
        var deferred = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "deferred");

        Assert.Equal(451, Assert.Single(deferred.Attempts).Code);
        Assert.Equal(1, (await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox"))!.Total);
    }

    /// <summary>The per-recipient fields of a stored RFC 3464 report.</summary>
    private static async Task<HeaderList> BounceStatusAsync(TestHost host, long bounceId)
    {
        var raw = await host.Http.GetByteArrayAsync($"api/v1/messages/{bounceId}/raw", TestContext.Current.CancellationToken);
        var report = Assert.IsType<MultipartReport>(MimeMessage.Load(new MemoryStream(raw), TestContext.Current.CancellationToken).Body);
        var groups = Assert.IsType<MessageDeliveryStatus>(report[1]).StatusGroups;
        // After the per-message fields, exactly one recipient's fields.
        return Assert.Single(groups.Skip(1), g => g.Contains("Final-Recipient"));
    }
}
