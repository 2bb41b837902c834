using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Imap;

/// <summary>IMAP on the wire: exact tagged replies for bad input, wrong states and literals (RFC 3501 §6, §7.5, RFC 7888).</summary>
public sealed class ImapWireTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<LineWire> ConnectAsync(bool login = true, bool select = false)
    {
        var (wire, greeting) = await LineWire.ConnectAsync(_host.ImapPort!.Value);
        Assert.StartsWith("* OK [CAPABILITY IMAP4rev1 ", greeting);
        if (login)
        {
            Assert.StartsWith("L OK", await wire.CommandAsync("L LOGIN user pass"));
        }
        if (select)
        {
            await wire.SendAsync("S SELECT INBOX\r\n");
            Assert.StartsWith("S OK [READ-WRITE]", (await wire.ReadUntilAsync("S "))[^1]);
        }
        return wire;
    }

    [Fact]
    public async Task Rfc3501_section6_unknown_commands_get_bad_and_the_session_continues()
    {
        await using var wire = await ConnectAsync(login: false);
        Assert.Equal("a1 BAD Unknown command XYZZY", await wire.CommandAsync("a1 XYZZY"));
        Assert.Equal("justatag BAD Missing or invalid command", await wire.CommandAsync("justatag"));
        Assert.Equal("a2 OK NOOP completed", await wire.CommandAsync("a2 NOOP"));
    }

    [Theory]
    [InlineData("a FETCH 1 FLAGS", "a BAD no mailbox selected")]
    [InlineData("a SELECT INBOX", "a BAD log in first")]
    [InlineData("a UID SEARCH ALL", "a BAD no mailbox selected")]
    [InlineData("a IDLE", "a BAD log in first")]
    public async Task Rfc3501_section3_commands_in_the_wrong_state_get_bad(string command, string reply)
    {
        await using var wire = await ConnectAsync(login: false);
        Assert.Equal(reply, await wire.CommandAsync(command));
    }

    [Fact]
    public async Task Rfc3501_section6_2_3_login_twice_is_refused()
    {
        await using var wire = await ConnectAsync();
        Assert.Equal("b BAD already logged in", await wire.CommandAsync("b LOGIN user pass"));
        Assert.Equal("c BAD no mailbox selected", await wire.CommandAsync("c FETCH 1 FLAGS"));
    }

    [Theory]
    [InlineData("f FETCH 0 FLAGS", "f BAD Invalid sequence set")]
    [InlineData("f FETCH 1:0 FLAGS", "f BAD Invalid sequence set")]
    [InlineData("f FETCH a FLAGS", "f BAD Invalid sequence set")]
    [InlineData("f FETCH 1,,2 FLAGS", "f BAD Invalid sequence set")]
    [InlineData("f FETCH 01 FLAGS", "f BAD Invalid sequence set")]
    [InlineData("f FETCH 4294967296 FLAGS", "f BAD Invalid sequence set")]
    [InlineData("f FETCH 5 FLAGS", "f BAD Invalid message sequence number")]
    [InlineData("f FETCH 1 (FLAGS", "f BAD expected ')'")]
    [InlineData("f FETCH 1 BODY[1.X]", "f BAD bad section X")]
    [InlineData("f FETCH 1 NONSENSE", "f BAD unknown fetch attribute NONSENSE")]
    [InlineData("f STORE 1 FLAGS (\\Bogus)", "f BAD unknown system flag \\Bogus")]
    [InlineData("f STORE 1 REPLACE (\\Seen)", "f BAD bad store operation REPLACE")]
    [InlineData("f SEARCH FOO", "f BAD unknown search key FOO")]
    [InlineData("f SEARCH SINCE 32-Foo-2020", "f BAD bad date 32-Foo-2020")]
    [InlineData("f SEARCH CHARSET KOI8-R ALL", "f NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset")]
    [InlineData("f UID FETCH 1:* (FLAGS) extra", "f BAD unexpected extra arguments")]
    public async Task Rfc3501_section9_malformed_arguments_get_a_tagged_bad(string command, string reply)
    {
        await TestMail.SendAsync(_host, TestMail.Simple("one"));
        await using var wire = await ConnectAsync(select: true);
        Assert.Equal(reply, await wire.CommandAsync(command));
        Assert.Equal("n OK NOOP completed", await wire.CommandAsync("n NOOP"));
    }

    [Fact]
    public async Task Rfc3501_section7_5_synchronizing_literal_gets_a_continuation_then_works()
    {
        await using var wire = await ConnectAsync(login: false);
        Assert.StartsWith("+ ", await wire.CommandAsync("a LOGIN {4}"));
        Assert.StartsWith("+ ", await wire.CommandAsync("user {6}"));
        Assert.StartsWith("a OK [CAPABILITY", await wire.CommandAsync("pa\"ss "));
    }

    [Fact]
    public async Task Rfc7888_non_synchronizing_literals_and_quoted_strings_with_escapes_are_accepted()
    {
        await using var wire = await ConnectAsync(login: false);
        Assert.StartsWith("a OK [CAPABILITY", await wire.CommandAsync("a LOGIN {4+}\r\nuser \"p\\\"a\\\\ss\""));
    }

    [Fact]
    public async Task Rfc3501_section7_5_a_huge_synchronizing_literal_is_refused_without_continuation()
    {
        await using var wire = await ConnectAsync(login: false);
        Assert.Equal("a BAD Literal too large", await wire.CommandAsync("a LOGIN {999999999}"));
        Assert.StartsWith("b OK", await wire.CommandAsync("b LOGIN user pass"));
    }

    [Fact]
    public async Task Rfc7888_a_huge_non_synchronizing_literal_closes_the_connection()
    {
        var wire = await ConnectAsync(login: false);
        await using (wire)
        {
            await wire.SendAsync("a LOGIN {999999999+}\r\nxxxx");
            Assert.Equal("* BYE literal too large", await wire.ReadLineAsync());
            Assert.Equal("<closed>", await wire.ReadLineAsync());
        }
        await using var again = await ConnectAsync();
    }

    [Fact]
    public async Task Overlong_command_line_gets_bad_and_the_session_continues()
    {
        await using var wire = await ConnectAsync();
        Assert.Equal("x BAD Command line too long", await wire.CommandAsync("x NOOP " + new string('a', 200_000)));
        Assert.Equal("y OK NOOP completed", await wire.CommandAsync("y NOOP"));
    }

    [Fact]
    public async Task Client_that_disconnects_mid_command_or_mid_literal_leaves_the_server_healthy()
    {
        var (first, _) = await LineWire.ConnectAsync(_host.ImapPort!.Value);
        await first.SendAsync("a LOGIN {10}\r\n");
        await first.ReadLineAsync();
        await first.SendAsync("abc");
        await first.DisposeAsync();
        var (second, _) = await LineWire.ConnectAsync(_host.ImapPort!.Value);
        await second.SendAsync("a LOG");
        await second.DisposeAsync();

        await using var wire = await ConnectAsync(select: true);
        Assert.Equal("z OK NOOP completed", await wire.CommandAsync("z NOOP"));
    }

    [Fact]
    public async Task Rfc3501_section6_3_only_inbox_exists()
    {
        await using var wire = await ConnectAsync();
        Assert.Equal("a NO [NONEXISTENT] Only INBOX exists here", await wire.CommandAsync("a SELECT Trash"));
        Assert.StartsWith("b NO [CANNOT]", await wire.CommandAsync("b CREATE Trash"));
        await wire.SendAsync("c LIST \"\" *\r\n");
        Assert.Equal(["* LIST (\\HasNoChildren) \"/\" INBOX", "c OK LIST completed"], await wire.ReadUntilAsync("c "));
        await wire.SendAsync("d LIST \"\" \"\"\r\n");
        Assert.Equal(["* LIST (\\Noselect) \"/\" \"\"", "d OK LIST completed"], await wire.ReadUntilAsync("d "));
        await wire.SendAsync("e LIST \"\" Tr%\r\n");
        Assert.Equal(["e OK LIST completed"], await wire.ReadUntilAsync("e "));
    }

    [Fact]
    public async Task Rfc3501_section6_4_5_fetch_items_on_the_wire()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("Caf\u00e9 \"quoted\"", body: "line1\r\nline2"));
        await using var wire = await ConnectAsync(select: true);
        await wire.SendAsync("f FETCH 1 (FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT]<0.3>)\r\n");
        var lines = await wire.ReadUntilAsync("f ");
        var text = string.Join("\n", lines);
        Assert.StartsWith("* 1 FETCH (FLAGS () RFC822.SIZE ", lines[0]);
        Assert.Contains("BODY[HEADER.FIELDS (SUBJECT)] {", text);
        Assert.Contains("Subject: =?utf-8?", text);
        Assert.Contains("BODY[TEXT]<0> {3}", text);
        Assert.Equal("f OK FETCH completed", lines[^1]);
        await wire.SendAsync("g FETCH 1 (FLAGS)\r\n");
        Assert.Equal(["* 1 FETCH (FLAGS ())", "g OK FETCH completed"], await wire.ReadUntilAsync("g "));
        await wire.SendAsync("h FETCH 1 (BODY[1])\r\n");
        var body = await wire.ReadUntilAsync("h ");
        Assert.Equal(["* 1 FETCH (BODY[1] {14}", "line1", "line2", " FLAGS (\\Seen))", "h OK FETCH completed"], body);
    }

    [Fact]
    public async Task Rfc3501_section6_3_2_examine_is_read_only()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("one"));
        await using var wire = await ConnectAsync();
        await wire.SendAsync("e EXAMINE INBOX\r\n");
        Assert.Equal("e OK [READ-ONLY] EXAMINE completed", (await wire.ReadUntilAsync("e "))[^1]);
        Assert.Equal("s NO [READ-ONLY] Mailbox was opened with EXAMINE", await wire.CommandAsync("s STORE 1 +FLAGS (\\Deleted)"));
        await wire.SendAsync("f FETCH 1 BODY[]\r\n");
        Assert.DoesNotContain(await wire.ReadUntilAsync("f "), l => l.Contains("\\Seen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rfc3501_authenticate_plain_with_and_without_initial_response()
    {
        await using var wire = await ConnectAsync(login: false);
        var plain = Convert.ToBase64String("\0user\0pass"u8);
        Assert.Equal("+ ", await wire.CommandAsync("a AUTHENTICATE PLAIN"));
        Assert.StartsWith("a OK [CAPABILITY", await wire.CommandAsync(plain));
        await using var other = await ConnectAsync(login: false);
        Assert.StartsWith("b OK [CAPABILITY", await other.CommandAsync("b AUTHENTICATE PLAIN " + plain));
        await using var cancelled = await ConnectAsync(login: false);
        Assert.Equal("+ ", await cancelled.CommandAsync("c AUTHENTICATE PLAIN"));
        Assert.Equal("c BAD Authentication cancelled", await cancelled.CommandAsync("*"));
        Assert.Equal("d NO Unsupported authentication mechanism", await cancelled.CommandAsync("d AUTHENTICATE CRAM-MD5"));
    }

    [Fact]
    public async Task Rfc2177_idle_ends_with_done_and_logout_says_bye()
    {
        await using var wire = await ConnectAsync(select: true);
        Assert.Equal("+ idling", await wire.CommandAsync("i IDLE"));
        await TestMail.SendAsync(_host, TestMail.Simple("during idle"));
        Assert.Equal("* 1 EXISTS", await wire.ReadLineAsync());
        Assert.Equal("i OK IDLE terminated", await wire.CommandAsync("DONE"));
        Assert.Equal("* BYE MailCatcher logging out", await wire.CommandAsync("o LOGOUT"));
        Assert.Equal("o OK LOGOUT completed", await wire.ReadLineAsync());
        Assert.Equal("<closed>", await wire.ReadLineAsync());
    }
}
