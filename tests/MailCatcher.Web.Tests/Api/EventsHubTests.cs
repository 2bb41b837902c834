using System.Text.Json;
using System.Threading.Channels;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace MailCatcher.Web.Tests.Api;

/// <summary>The public hub at /hubs/events carries design.md's events to clients outside the UI.</summary>
public sealed class EventsHubTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_client_hears_of_received_updated_and_deleted_messages_and_ended_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var events = Channel.CreateUnbounded<(string Name, JsonElement Argument)>();
        await using var connection = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{_host.HttpPort}/hubs/events").Build();
        foreach (var name in new[] { "messageReceived", "messageUpdated", "messagesDeleted", "sessionEnded" })
        {
            connection.On<JsonElement>(name, argument => events.Writer.TryWrite((name, argument)));
        }
        await connection.StartAsync(ct);

        await MailSender.SendAsync(_host.SmtpPort, MailSender.Text("over the hub", "hello"));
        var received = await NextAsync(events, "messageReceived");
        Assert.Equal("over the hub", received.GetProperty("subject").GetString());
        var id = received.GetProperty("id").GetInt64();
        var session = await NextAsync(events, "sessionEnded");
        Assert.Contains(id, session.GetProperty("messageIds").EnumerateArray().Select(e => e.GetInt64()));

        var commands = (MailCatcher.Storage.Writing.MailCommands)_host.Services.GetService(typeof(MailCatcher.Storage.Writing.MailCommands))!;
        await commands.SetReadAsync([id], true, ct);
        var updated = await NextAsync(events, "messageUpdated");
        Assert.True(updated.GetProperty("isRead").GetBoolean());

        await commands.DeleteAsync([id]);
        var deleted = await NextAsync(events, "messagesDeleted");
        Assert.Equal([id], deleted.EnumerateArray().Select(e => e.GetInt64()));
    }

    private static async Task<JsonElement> NextAsync(Channel<(string Name, JsonElement Argument)> events, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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
