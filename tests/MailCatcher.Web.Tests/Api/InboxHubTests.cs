using System.Text.Json;
using System.Threading.Channels;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Web.Tests.Api;

/// <summary>Issue 13: a hub subscriber scoped to an inbox hears that inbox's events only, and only with its token.</summary>
public sealed class InboxHubTests
{
    [Fact]
    public async Task A_subscriber_of_one_inbox_hears_only_its_mail_and_needs_its_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync("--inbox", "other=other.test");
        var created = await host.Services.GetRequiredService<InboxDirectory>().CreateAsync("ci", null, 0, withSecrets: true, ct);
        var events = Channel.CreateUnbounded<(string Name, JsonElement Argument)>();
        await using var scoped = new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{host.HttpPort}/hubs/events?inbox=other")
            .Build();
        scoped.On<JsonElement>("messageReceived", argument => events.Writer.TryWrite(("messageReceived", argument)));
        scoped.On<JsonElement>("messagesDeleted", argument => events.Writer.TryWrite(("messagesDeleted", argument)));
        await scoped.StartAsync(ct);

        await MailSender.SendAsync(host.SmtpPort, MailSender.Text("to default", "1"));
        await MailSender.SendAsync(host.SmtpPort, MailSender.Text("to other", "2", to: "x@other.test"));

        var (name, first) = await events.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal("messageReceived", name);
        Assert.Equal("to other", first.GetProperty("subject").GetString());
        Assert.Equal("other", first.GetProperty("inbox").GetString());
        // Deleting default's mail is not heard here.
        await host.Services.GetRequiredService<MailCatcher.Storage.Writing.MailCommands>().DeleteAllAsync(1);
        await Task.Delay(500, ct);
        Assert.False(events.Reader.TryRead(out _));

        // The token-protected inbox: a wrong token ends the connection, the right one is heard.
        var closed = new TaskCompletionSource();
        await using var wrong = new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{host.HttpPort}/hubs/events?inbox=ci", o => o.AccessTokenProvider = () => Task.FromResult<string?>("mci_wrong"))
            .Build();
        wrong.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        try
        {
            await wrong.StartAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            closed.TrySetResult();
        }
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.NotEqual(HubConnectionState.Connected, wrong.State);

        var heard = new TaskCompletionSource<JsonElement>();
        await using var right = new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{host.HttpPort}/hubs/events?inbox=ci", o => o.AccessTokenProvider = () => Task.FromResult<string?>(created!.ApiToken))
            .Build();
        right.On<JsonElement>("messageReceived", argument => heard.TrySetResult(argument));
        await right.StartAsync(ct);
        var smtp = new MailKit.Net.Smtp.SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, ct);
        await smtp.AuthenticateAsync("ci", created!.SmtpPassword!, ct);
        await smtp.SendAsync(MailSender.Text("to ci", "3"), ct);
        await smtp.DisconnectAsync(true, ct);
        smtp.Dispose();
        Assert.Equal("to ci", (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10), ct)).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task With_log_in_on_a_global_token_hears_a_token_protected_inbox_without_its_token()
    {
        var ct = TestContext.Current.CancellationToken;
        const string AdminToken = "hub-admin-token-0123456789";
        await using var host = await TestHost.StartAsync("--ui-user", "admin:admin-pass-1", "--api-token", $"ci:{AdminToken}");
        var created = await host.Services.GetRequiredService<InboxDirectory>().CreateAsync("job", null, 0, withSecrets: true, ct);
        var heard = new TaskCompletionSource<JsonElement>();
        await using var admin = new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{host.HttpPort}/hubs/events?inbox=job", o => o.AccessTokenProvider = () => Task.FromResult<string?>(AdminToken))
            .Build();
        admin.On<JsonElement>("messageReceived", argument => heard.TrySetResult(argument));
        await admin.StartAsync(ct);

        var smtp = new MailKit.Net.Smtp.SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, ct);
        await smtp.AuthenticateAsync("job", created!.SmtpPassword!, ct);
        await smtp.SendAsync(MailSender.Text("to job", "4"), ct);
        await smtp.DisconnectAsync(true, ct);
        smtp.Dispose();
        Assert.Equal("to job", (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10), ct)).GetProperty("subject").GetString());
    }
}
