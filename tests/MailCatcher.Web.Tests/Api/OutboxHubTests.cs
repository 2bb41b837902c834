using System.Text.Json;
using System.Threading.Channels;
using MailCatcher.Relay.Queue;
using MailCatcher.Storage.Outbox;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Web.Tests.Api;

/// <summary>The hub carries the outbox's progress: <c>outboxChanged(entry)</c> (design.md) and <c>outboxDeleted(id)</c>.</summary>
public sealed class OutboxHubTests : IAsyncLifetime
{
    private TestHost _target = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _target = await TestHost.StartAsync();
        _host = await TestHost.StartAsync("--relay-host", "127.0.0.1", "--relay-port", _target.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--relay-tls", "none");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task A_client_follows_a_release_from_queued_to_sent_and_hears_of_its_deletion()
    {
        var ct = TestContext.Current.CancellationToken;
        var events = Channel.CreateUnbounded<(string Name, JsonElement Argument)>();
        await using var connection = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{_host.HttpPort}/hubs/events").Build();
        foreach (var name in new[] { "outboxChanged", "outboxDeleted" })
        {
            connection.On<JsonElement>(name, argument => events.Writer.TryWrite((name, argument)));
        }
        await connection.StartAsync(ct);
        var messageId = await HostMail.SendAsync(_host, MailSender.Text("to the relay", "hello", to: "far@example.org"));

        var result = await _host.Services.GetRequiredService<RelayOutbox>().ReleaseAsync(messageId, null, ct);
        Assert.Equal(ReleaseStatus.Queued, result.Status);
        var entryId = result.Entry!.Id;

        var states = new List<string>();
        while (states.LastOrDefault() != "sent")
        {
            var changed = await NextAsync(events, "outboxChanged");
            Assert.Equal(entryId, changed.GetProperty("id").GetInt64());
            Assert.Equal(["far@example.org"], changed.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
            states.Add(changed.GetProperty("state").GetString()!);
        }
        Assert.Equal(["queued", "sending", "sent"], states.Distinct());

        Assert.True(await _host.Services.GetRequiredService<OutboxStore>().DeleteAsync(entryId, ct));
        var deleted = await NextAsync(events, "outboxDeleted");
        Assert.Equal(entryId, deleted.GetInt64());
    }

    private static async Task<JsonElement> NextAsync(Channel<(string Name, JsonElement Argument)> events, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var (n, argument) = await events.Reader.ReadAsync(timeout.Token);
            if (n == name)
            {
                return argument;
            }
        }
    }
}
