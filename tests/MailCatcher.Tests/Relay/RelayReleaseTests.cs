using System.Net;
using System.Net.Http.Json;
using System.Text;
using MailCatcher.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using MimeKit;

namespace MailCatcher.Tests.Relay;

/// <summary>Release to a real relay (aiosmtpd): what arrives, who may receive it, and when release is refused.</summary>
public class RelayReleaseTests
{
    [Fact]
    public async Task Released_message_reaches_the_relay_byte_for_byte()
    {
        await using var target = await RelayTarget.StartAsync();
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target));
        var message = RelayTestKit.Sample();
        // Fields MailKit would drop or rewrite when it writes a MimeMessage itself.
        message.Bcc.Add(MailboxAddress.Parse("hidden@example.com"));
        message.Headers.Add("X-Long", new string('x', 1100));
        var id = await RelayTestKit.CaptureAsync(host, message);

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));

        Assert.Equal(id, entry.MessageId);
        Assert.Equal(["user@example.com", "hidden@example.com"], entry.To);
        var (bytes, from, to) = await target.WaitForMessageAsync();
        Assert.Equal(await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken), bytes);
        Assert.Equal("app@sender.test", from);
        Assert.Equal(["user@example.com", "hidden@example.com"], to);
        var sent = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "sent");
        var attempt = Assert.Single(sent.Attempts);
        Assert.Equal(250, attempt.Code);
        Assert.Contains("stored as 1", attempt.Text);
        Assert.Contains("C: MAIL FROM:<app@sender.test>", attempt.Transcript);
        Assert.Contains("S: 250 2.0.0 OK: stored as 1", attempt.Transcript);
        Assert.Null(sent.NextAttemptAt);
    }

    [Fact]
    public async Task Release_to_a_second_MailCatcher_arrives_byte_for_byte()
    {
        // A relay that is MailCatcher itself: SIZE, PIPELINING, 8BITMIME and SMTPUTF8 offered, the stored bytes compared on both sides.
        await using var relay = await TestHost.StartAsync();
        await using var host = await TestHost.StartAsync(new[] { "--relay-host", "127.0.0.1", "--relay-port", relay.SmtpPort.ToString(), "--relay-tls", "none" });
        var message = RelayTestKit.Sample();
        message.Bcc.Add(MailboxAddress.Parse("hidden@example.com"));
        var id = await RelayTestKit.CaptureAsync(host, message);

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id));
        var sent = await RelayTestKit.WaitForEntryAsync(host, entry.Id, e => e.State == "sent");

        Assert.Contains("C: DATA", sent.Attempts[^1].Transcript);
        var arrived = Assert.Single((await relay.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages);
        Assert.Equal(
            await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken),
            await relay.Http.GetByteArrayAsync($"api/v1/messages/{arrived.Id}/raw", TestContext.Current.CancellationToken));
        Assert.Equal(["user@example.com", "hidden@example.com"], arrived.EnvelopeTo);
    }

    [Fact]
    public async Task Release_to_given_recipients_sends_to_them_only()
    {
        await using var target = await RelayTarget.StartAsync();
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var entry = await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id, "Tester <qa@phone.test>"));

        Assert.Equal(["qa@phone.test"], entry.To);
        var (_, _, to) = await target.WaitForMessageAsync();
        Assert.Equal(["qa@phone.test"], to);
    }

    [Fact]
    public async Task Recipient_outside_the_allow_list_is_refused_with_400()
    {
        await using var target = await RelayTarget.StartAsync();
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-allow", "*@allowed.test", "--relay-allow", "boss@example.com"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var refused = await RelayTestKit.ReleaseAsync(host, id, "someone@elsewhere.test");
        var byDefault = await RelayTestKit.ReleaseAsync(host, id); // user@example.com is not allowed either
        var allowed = await RelayTestKit.ReleaseAsync(host, id, "qa@ALLOWED.test", "boss@example.com");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Contains("someone@elsewhere.test", problem!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, byDefault.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        var page = await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox");
        Assert.Equal(["qa@ALLOWED.test", "boss@example.com"], Assert.Single(page!.Entries).To);
    }

    [Fact]
    public async Task Release_without_a_relay_is_409_and_unknown_message_is_404()
    {
        await using var host = await TestHost.StartAsync();
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var noRelay = await RelayTestKit.ReleaseAsync(host, id);
        var unknown = await RelayTestKit.ReleaseAsync(host, id + 1000);

        Assert.Equal(HttpStatusCode.Conflict, noRelay.StatusCode);
        Assert.Contains("--relay-host", (await noRelay.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken))!.Detail);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, (await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox"))!.Total);
    }

    [Fact]
    public async Task Invalid_recipient_is_400()
    {
        await using var target = await RelayTarget.StartAsync();
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        var response = await RelayTestKit.ReleaseAsync(host, id, "not an address");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Relay_rule_relays_matching_recipients_as_soon_as_mail_is_captured()
    {
        await using var target = await RelayTarget.StartAsync();
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-auto", "*@staging.test"));
        var message = RelayTestKit.Sample("keep@example.com");
        message.To.Add(MailboxAddress.Parse("tester@staging.test"));

        var id = await RelayTestKit.CaptureAsync(host, message);

        var (bytes, _, to) = await target.WaitForMessageAsync();
        Assert.Equal(["tester@staging.test"], to);
        Assert.Equal(await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken), bytes);
        var entry = Assert.Single((await host.GetJsonAsync<OutboxPageDto>("api/v1/outbox"))!.Entries);
        Assert.Equal(id, entry.MessageId);
    }

    [Fact]
    public async Task Resent_fields_are_added_only_when_asked()
    {
        await using var target = await RelayTarget.StartAsync();
        await using var host = await TestHost.StartAsync(RelayTestKit.RelayArgs(target, "--relay-resent-headers"));
        var id = await RelayTestKit.CaptureAsync(host, RelayTestKit.Sample());

        await RelayTestKit.ReleasedEntryAsync(await RelayTestKit.ReleaseAsync(host, id, "qa@phone.test"));

        var (bytes, _, _) = await target.WaitForMessageAsync();
        var original = await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("Resent-Date: ", text);
        Assert.Contains("Resent-To: <qa@phone.test>\r\n", text);
        Assert.Equal(original, bytes[^original.Length..]);
    }
}
