using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Pop3;

/// <summary>The POP3 and IMAP listeners can be turned off; /api/v1/info then reports null.</summary>
public sealed class Pop3ListenerTests
{
    [Theory]
    [InlineData("off")]
    [InlineData("-1")]
    public async Task Mailbox_ports_set_to_off_bind_no_listener(string off)
    {
        string[] args = ["--pop3-port", off, "--imap-port", off];
        await using var host = await TestHost.StartAsync(args);
        Assert.Null(host.Pop3Port);
        Assert.Null(host.ImapPort);
        var info = await host.GetJsonAsync<System.Text.Json.JsonElement>("api/v1/info");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, info.GetProperty("ports").GetProperty("pop3").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, info.GetProperty("ports").GetProperty("imap").ValueKind);
    }
}
