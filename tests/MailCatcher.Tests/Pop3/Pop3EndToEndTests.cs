using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Pop3;
using MimeKit;

namespace MailCatcher.Tests.Pop3;

/// <summary>MailKit's Pop3Client against a real host (RFC 1939).</summary>
public class Pop3EndToEndTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<Pop3Client> ConnectAsync()
    {
        var client = new Pop3Client();
        await client.ConnectAsync("127.0.0.1", _host.Pop3Port!.Value, MailKit.Security.SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("anyone", "any password", Token);
        return client;
    }

    private async Task<List<MessageSummaryDto>> ApiMessagesAsync() =>
        [.. (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.OrderBy(m => m.Id)];

    [Fact]
    public async Task Rfc1939_list_uidl_and_retr_give_every_message_with_its_id_and_exact_bytes()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("one"), TestMail.Simple("two", body: ".starts with a dot\r\n..two dots\r\n."));
        var stored = await ApiMessagesAsync();

        using var client = await ConnectAsync();
        Assert.Equal(2, client.Count);
        Assert.Equal(stored.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), await client.GetMessageUidsAsync(Token));
        Assert.Equal(stored.Select(m => (int)m.Size), await client.GetMessageSizesAsync(Token));
        for (var i = 0; i < stored.Count; i++)
        {
            await using var stream = await client.GetStreamAsync(i, false, Token);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, Token);
            Assert.Equal(await _host.Http.GetByteArrayAsync($"api/v1/messages/{stored[i].Id}/raw", Token), bytes.ToArray());
        }
        await client.DisconnectAsync(true, Token);
    }

    [Fact]
    public async Task Rfc1939_section7_top_returns_the_header_only()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("headers please", body: "line one\r\nline two\r\nline three"));
        using var client = await ConnectAsync();
        var headers = await client.GetMessageHeadersAsync(0, Token);
        Assert.Equal("headers please", headers[HeaderId.Subject]);
        await client.DisconnectAsync(true, Token);
    }

    [Fact]
    public async Task Rfc1939_section6_dele_removes_messages_at_quit_and_the_api_sees_it()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("keep"), TestMail.Simple("delete me"));
        using (var client = await ConnectAsync())
        {
            await client.DeleteMessageAsync(1, Token);
            Assert.Equal(2, (await ApiMessagesAsync()).Count); // not before QUIT
            await client.DisconnectAsync(true, Token);
        }
        var left = Assert.Single(await ApiMessagesAsync());
        Assert.Equal("keep", left.Subject);
    }

    [Fact]
    public async Task Rfc1939_section6_without_quit_nothing_is_deleted()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("survivor"));
        using (var client = await ConnectAsync())
        {
            await client.DeleteMessageAsync(0, Token);
            await client.DisconnectAsync(false, Token); // drops the connection without QUIT
        }
        Assert.Single(await ApiMessagesAsync());
    }

    [Fact]
    public async Task Rfc1939_rset_unmarks_deleted_messages()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("undeleted"));
        using (var client = await ConnectAsync())
        {
            await client.DeleteMessageAsync(0, Token);
            await client.ResetAsync(Token);
            await client.DisconnectAsync(true, Token);
        }
        Assert.Single(await ApiMessagesAsync());
    }

    [Fact]
    public async Task Rfc2449_capa_lists_top_uidl_user_and_pipelining_but_not_stls()
    {
        using var client = new Pop3Client();
        await client.ConnectAsync("127.0.0.1", _host.Pop3Port!.Value, MailKit.Security.SecureSocketOptions.None, Token);
        Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.Top));
        Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.UIDL));
        Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.User));
        Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.Pipelining));
        Assert.False(client.Capabilities.HasFlag(Pop3Capabilities.StartTLS));
        Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.Apop));
        await client.DisconnectAsync(true, Token);
    }

    [Fact]
    public async Task Info_reports_the_bound_pop3_port()
    {
        var info = await _host.GetJsonAsync<System.Text.Json.JsonElement>("api/v1/info");
        Assert.Equal(_host.Pop3Port, info.GetProperty("ports").GetProperty("pop3").GetInt32());
    }
}
