using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Pop3;

/// <summary>POP3 on the wire: exact replies for wrong states, bad arguments and bad input (RFC 1939, RFC 2449).</summary>
public sealed class Pop3WireTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rfc1939_section4_greeting_carries_an_apop_timestamp()
    {
        var (wire, greeting) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var _ = wire;
        Assert.Matches(@"^\+OK .*<[^<>@]+@[^<>]+>$", greeting);
    }

    [Fact]
    public async Task Rfc1939_section3_transaction_commands_before_login_are_refused_and_the_session_continues()
    {
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var __ = wire;
        Assert.Equal("-ERR STAT needs login first", await wire.CommandAsync("STAT"));
        Assert.Equal("-ERR RETR needs login first", await wire.CommandAsync("RETR 1"));
        Assert.Equal("-ERR PASS needs USER first", await wire.CommandAsync("PASS secret"));
        Assert.Equal("-ERR unknown command", await wire.CommandAsync("XYZZY"));
        Assert.StartsWith("+OK", await wire.CommandAsync("USER tester"));
        Assert.StartsWith("+OK maildrop has 0 messages", await wire.CommandAsync("PASS secret"));
        Assert.Equal("-ERR USER is only valid before login", await wire.CommandAsync("USER again"));
        Assert.Equal("+OK 0 0", await wire.CommandAsync("STAT"));
    }

    [Theory]
    [InlineData("RETR", "-ERR missing argument")]
    [InlineData("RETR 0", "-ERR invalid message number")]
    [InlineData("RETR -1", "-ERR invalid message number")]
    [InlineData("RETR abc", "-ERR invalid message number")]
    [InlineData("RETR 2", "-ERR no such message")]
    [InlineData("LIST 99999999999", "-ERR invalid message number")]
    [InlineData("TOP 1", "-ERR missing argument")]
    [InlineData("TOP 1 x", "-ERR invalid message number")]
    [InlineData("DELE", "-ERR missing argument")]
    public async Task Rfc1939_section5_bad_message_numbers_get_err(string command, string reply)
    {
        await TestMail.SendAsync(_host, TestMail.Simple("one"));
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var __ = wire;
        await wire.CommandAsync("USER a");
        await wire.CommandAsync("PASS b");
        Assert.Equal(reply, await wire.CommandAsync(command));
        Assert.Equal("+OK", await wire.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task Rfc1939_section5_a_deleted_message_cannot_be_read_or_deleted_again()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("one"));
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var __ = wire;
        await wire.CommandAsync("USER a");
        await wire.CommandAsync("PASS b");
        Assert.Equal("+OK message 1 deleted", await wire.CommandAsync("DELE 1"));
        Assert.Equal("-ERR message already deleted", await wire.CommandAsync("DELE 1"));
        Assert.Equal("-ERR message already deleted", await wire.CommandAsync("RETR 1"));
        Assert.Equal("+OK 0 0", await wire.CommandAsync("STAT"));
    }

    [Fact]
    public async Task Rfc2449_pipelined_commands_are_answered_in_order()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("piped"));
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var __ = wire;
        await wire.SendAsync("USER a\r\nPASS b\r\nSTAT\r\nUIDL 1\r\nQUIT\r\n");
        Assert.StartsWith("+OK", await wire.ReadLineAsync());
        Assert.StartsWith("+OK maildrop has 1 messages", await wire.ReadLineAsync());
        Assert.StartsWith("+OK 1 ", await wire.ReadLineAsync());
        Assert.Matches(@"^\+OK 1 \d+$", await wire.ReadLineAsync());
        Assert.StartsWith("+OK MailCatcher POP3 server signing off", await wire.ReadLineAsync());
        Assert.Equal("<closed>", await wire.ReadLineAsync());
    }

    [Fact]
    public async Task Rfc2449_over_long_command_line_is_refused_and_the_server_stays_healthy()
    {
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using (wire)
        {
            Assert.Equal("-ERR line too long", await wire.CommandAsync("USER " + new string('x', 100_000)));
            Assert.StartsWith("+OK", await wire.CommandAsync("USER fine"));
        }
        var (again, greeting) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var ___ = again;
        Assert.StartsWith("+OK", greeting);
    }

    [Fact]
    public async Task Client_that_disconnects_mid_command_leaves_the_server_healthy()
    {
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await wire.SendAsync("USER half-a-comm");
        await wire.DisposeAsync();
        var (again, greeting) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var _ = again;
        Assert.StartsWith("+OK", greeting);
        Assert.Equal("+OK MailCatcher POP3 server signing off", await again.CommandAsync("QUIT"));
    }

    [Fact]
    public async Task Rfc2595_stls_is_refused_while_no_certificate_is_configured()
    {
        var (wire, _) = await LineWire.ConnectAsync(_host.Pop3Port!.Value);
        await using var __ = wire;
        Assert.StartsWith("-ERR STLS is not available", await wire.CommandAsync("STLS"));
    }
}
