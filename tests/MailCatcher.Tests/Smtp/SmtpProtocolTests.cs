using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Smtp;

/// <summary>
/// RFC 5321 conversations over a raw socket against a real host, asserting exact reply codes.
/// Test names cite the section whose rule they pin.
/// </summary>
public class SmtpProtocolTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync("--max-message-size", "2000");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<SmtpWire> ConnectAsync()
    {
        var (wire, greeting) = await SmtpWire.ConnectAsync(_host.SmtpPort);
        Assert.Equal("220 mailcatcher.local ESMTP MailCatcher", greeting);
        return wire;
    }

    private async Task<SmtpWire> ReadyAsync()
    {
        var wire = await ConnectAsync();
        Assert.StartsWith("250", await wire.CommandAsync("EHLO client.test"));
        return wire;
    }

    private async Task<MessagePageDto> MessagesAsync() => (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!;

    private async Task<byte[]> RawAsync(long id) => await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw");

    private static long QueuedId(string reply)
    {
        Assert.StartsWith("250 2.0.0 OK: queued as ", reply);
        return long.Parse(reply["250 2.0.0 OK: queued as ".Length..]);
    }

    [Fact]
    public async Task Rfc5321_4_1_1_1_EHLO_advertises_every_extension()
    {
        await using var wire = await ConnectAsync();

        var reply = await wire.CommandAsync("EHLO client.test");

        var lines = reply.Split('\n');
        Assert.Equal("250-mailcatcher.local Hello client.test", lines[0]);
        Assert.Contains("250-PIPELINING", lines);
        Assert.Contains("250-SIZE 2000", lines);
        Assert.Contains("250-8BITMIME", lines);
        Assert.Contains("250-SMTPUTF8", lines);
        Assert.Contains("250-ENHANCEDSTATUSCODES", lines);
        Assert.Contains("250-CHUNKING", lines);
        Assert.StartsWith("250 ", lines[^1]);
    }

    [Fact]
    public async Task Rfc5321_4_1_1_1_HELO_is_accepted_and_a_missing_domain_is_a_syntax_error()
    {
        await using var wire = await ConnectAsync();

        Assert.StartsWith("501 5.5.4", await wire.CommandAsync("EHLO"));
        Assert.Equal("250 mailcatcher.local Hello old.client", await wire.CommandAsync("HELO old.client"));
    }

    [Fact]
    public async Task Rfc5321_4_1_4_MAIL_before_EHLO_is_a_bad_sequence()
    {
        await using var wire = await ConnectAsync();

        Assert.StartsWith("503 5.5.1", await wire.CommandAsync("MAIL FROM:<a@b.test>"));
    }

    [Theory]
    [InlineData("RCPT TO:<a@b.test>")]
    [InlineData("DATA")]
    [InlineData("BDAT 0 LAST")]
    public async Task Rfc5321_4_1_4_transaction_commands_before_MAIL_are_a_bad_sequence(string command)
    {
        await using var wire = await ReadyAsync();

        Assert.StartsWith("503 5.5.1", await wire.CommandAsync(command));
        Assert.Equal("250 2.0.0 OK", await wire.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task Rfc5321_4_1_4_nested_MAIL_and_DATA_without_recipients_are_bad_sequences()
    {
        await using var wire = await ReadyAsync();

        Assert.Equal("250 2.1.0 Sender OK", await wire.CommandAsync("MAIL FROM:<a@b.test>"));
        Assert.StartsWith("503 5.5.1", await wire.CommandAsync("MAIL FROM:<c@d.test>"));
        Assert.StartsWith("503 5.5.1", await wire.CommandAsync("DATA"));
    }

    [Fact]
    public async Task Unknown_command_is_500_5_5_2_and_the_session_continues()
    {
        await using var wire = await ReadyAsync();

        Assert.Equal("500 5.5.2 Command unrecognized", await wire.CommandAsync("FROB nicate"));
        Assert.Equal("250 2.0.0 OK", await wire.CommandAsync("NOOP"));
    }

    [Theory]
    [InlineData("MAIL FROM:<no-at-sign>")]
    [InlineData("MAIL FROM:<two@@signs.test>")]
    [InlineData("MAIL FROM:<a b@c.test>")]
    [InlineData("MAIL FROM:<a@b.test")]
    [InlineData("MAIL TO:<a@b.test>")]
    [InlineData("MAIL FROM:<.lead@b.test>")]
    [InlineData("MAIL FROM:<a@b..test>")]
    public async Task Rfc5321_4_1_2_malformed_reverse_paths_are_syntax_errors(string command)
    {
        await using var wire = await ReadyAsync();

        Assert.StartsWith("501 5.5.4", await wire.CommandAsync(command));
    }

    [Theory]
    [InlineData("RCPT TO:<>")]
    [InlineData("RCPT TO:<@>")]
    [InlineData("RCPT FROM:<a@b.test>")]
    public async Task Rfc5321_4_1_1_3_malformed_forward_paths_are_syntax_errors(string command)
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");

        Assert.StartsWith("501 5.5.4", await wire.CommandAsync(command));
    }

    [Fact]
    public async Task Rfc5321_4_1_1_11_unknown_MAIL_parameter_is_555()
    {
        await using var wire = await ReadyAsync();

        Assert.StartsWith("555 5.5.4", await wire.CommandAsync("MAIL FROM:<a@b.test> FROBNICATE=yes"));
    }

    [Fact]
    public async Task Rfc5321_null_reverse_path_source_routes_and_postmaster_are_accepted()
    {
        await using var wire = await ReadyAsync();

        Assert.Equal("250 2.1.0 Sender OK", await wire.CommandAsync("MAIL FROM:<>"));
        Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync("RCPT TO:<Postmaster>"));
        Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync("RCPT TO:<@relay.test:user@x.test>"));
        Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync("RCPT TO:<\"john smith\"@x.test>"));
        Assert.StartsWith("354", await wire.CommandAsync("DATA"));
        var id = QueuedId(await wire.CommandAsync("Subject: bounce\r\n\r\nx\r\n."));

        var summary = (await MessagesAsync()).Messages.Single(m => m.Id == id);
        Assert.Equal("", summary.EnvelopeFrom);
        Assert.Equal(["Postmaster", "user@x.test", "\"john smith\"@x.test"], summary.EnvelopeTo);
    }

    [Fact]
    public async Task Rfc1870_6_declared_SIZE_over_the_limit_is_refused_at_MAIL()
    {
        await using var wire = await ReadyAsync();

        Assert.StartsWith("552 5.3.4", await wire.CommandAsync("MAIL FROM:<a@b.test> SIZE=2001"));
        Assert.Equal("250 2.1.0 Sender OK", await wire.CommandAsync("MAIL FROM:<a@b.test> SIZE=2000"));
    }

    [Fact]
    public async Task Rfc1870_6_body_over_the_limit_is_refused_at_end_of_DATA_and_not_stored()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");
        Assert.StartsWith("354", await wire.CommandAsync("DATA"));

        var body = new StringBuilder("Subject: big\r\n\r\n");
        for (var i = 0; i < 100; i++)
        {
            body.Append(new string('x', 70)).Append("\r\n");
        }
        Assert.StartsWith("552 5.3.4", await wire.CommandAsync(body + "."));

        Assert.Equal(0, (await MessagesAsync()).Total);
        // The transaction is over; the session still works.
        Assert.StartsWith("503", await wire.CommandAsync("RCPT TO:<c@d.test>"));
        Assert.Equal("250 2.1.0 Sender OK", await wire.CommandAsync("MAIL FROM:<a@b.test>"));
    }

    [Fact]
    public async Task Rfc5321_4_5_2_dot_stuffed_lines_are_unstuffed()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");
        await wire.CommandAsync("DATA");

        var id = QueuedId(await wire.CommandAsync("Subject: dots\r\n\r\n..leading dot\r\n...\r\n\r\n."));

        Assert.Equal("Subject: dots\r\n\r\n.leading dot\r\n..\r\n\r\n", Encoding.ASCII.GetString(await RawAsync(id)));
    }

    [Fact]
    public async Task Bare_LF_content_is_accepted_stored_as_sent_and_noted_in_the_transcript()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");
        await wire.CommandAsync("DATA");

        var id = QueuedId(await wire.CommandAsync("Subject: lf\n\nline one\nline two\r\n."));
        await wire.CommandAsync("QUIT");

        Assert.Equal("Subject: lf\n\nline one\nline two\r\n", Encoding.ASCII.GetString(await RawAsync(id)));
        var summary = (await MessagesAsync()).Messages.Single(m => m.Id == id);
        var session = await SessionAsync(summary.SessionId);
        Assert.Contains(session.Transcript!, l => l.Direction == "info" && l.Text.Contains("bare LF: 3 lines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Long_content_lines_are_accepted_and_noted()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");
        await wire.CommandAsync("DATA");

        var id = QueuedId(await wire.CommandAsync("Subject: long\r\n\r\n" + new string('y', 1500) + "\r\n."));
        await wire.CommandAsync("QUIT");

        var summary = (await MessagesAsync()).Messages.Single(m => m.Id == id);
        var session = await SessionAsync(summary.SessionId);
        Assert.Contains(session.Transcript!, l => l.Text.StartsWith("line too long: 1 lines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Command_line_over_4096_bytes_is_500_5_5_6_and_the_session_continues()
    {
        await using var wire = await ReadyAsync();

        Assert.Equal("500 5.5.6 Line too long", await wire.CommandAsync("NOOP " + new string('a', 5000)));
        Assert.Equal("250 2.0.0 OK", await wire.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task Rfc2920_pipelined_commands_get_every_reply_in_order()
    {
        await using var wire = await ReadyAsync();

        await wire.SendRawAsync("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nRCPT TO:<e@f.test>\r\nDATA\r\n");
        Assert.Equal("250 2.1.0 Sender OK", await wire.ReadReplyAsync());
        Assert.Equal("250 2.1.5 Recipient OK", await wire.ReadReplyAsync());
        Assert.Equal("250 2.1.5 Recipient OK", await wire.ReadReplyAsync());
        Assert.StartsWith("354", await wire.ReadReplyAsync());
        await wire.SendRawAsync("Subject: p\r\n\r\nbody\r\n.\r\nMAIL FROM:<x@y.test>\r\nRCPT TO:<z@w.test>\r\nRSET\r\nQUIT\r\n");
        QueuedId(await wire.ReadReplyAsync());
        Assert.Equal("250 2.1.0 Sender OK", await wire.ReadReplyAsync());
        Assert.Equal("250 2.1.5 Recipient OK", await wire.ReadReplyAsync());
        Assert.Equal("250 2.0.0 OK", await wire.ReadReplyAsync());
        Assert.StartsWith("221 2.0.0", await wire.ReadReplyAsync());
        Assert.True(await wire.IsClosedAsync());
    }

    [Fact]
    public async Task Rfc3030_BDAT_chunks_are_joined_exactly_without_unstuffing()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");
        var first = "Subject: chunks\r\n\r\n.not stuffed\r\n";
        var second = "end\r\n";

        await wire.SendRawAsync($"BDAT {first.Length}\r\n{first}");
        Assert.Equal($"250 2.0.0 {first.Length} octets received", await wire.ReadReplyAsync());
        Assert.StartsWith("503 5.5.1", await wire.CommandAsync("DATA"));
        await wire.SendRawAsync($"BDAT {second.Length} LAST\r\n{second}");
        var id = QueuedId(await wire.ReadReplyAsync());

        Assert.Equal(first + second, Encoding.ASCII.GetString(await RawAsync(id)));
    }

    [Fact]
    public async Task Rfc3030_BDAT_over_the_size_limit_is_552_and_the_chunk_is_consumed()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");
        var chunk = new string('z', 2500);

        await wire.SendRawAsync($"BDAT {chunk.Length} LAST\r\n{chunk}");
        Assert.StartsWith("552 5.3.4", await wire.ReadReplyAsync());
        Assert.Equal("250 2.0.0 OK", await wire.CommandAsync("NOOP"));
        Assert.Equal(0, (await MessagesAsync()).Total);
    }

    [Fact]
    public async Task Rfc3030_BDAT_with_a_bad_size_is_a_syntax_error()
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");

        Assert.StartsWith("501 5.5.4", await wire.CommandAsync("BDAT lots"));
    }

    [Fact]
    public async Task Several_messages_and_many_recipients_in_one_session()
    {
        await using var wire = await ReadyAsync();
        var ids = new List<long>();
        for (var m = 0; m < 3; m++)
        {
            await wire.CommandAsync($"MAIL FROM:<sender{m}@b.test>");
            for (var r = 0; r < 150; r++)
            {
                Assert.Equal("250 2.1.5 Recipient OK", await wire.CommandAsync($"RCPT TO:<r{r}@d.test>"));
            }
            await wire.CommandAsync("DATA");
            ids.Add(QueuedId(await wire.CommandAsync($"Subject: message {m}\r\n\r\nbody\r\n.")));
        }

        var page = await MessagesAsync();
        Assert.Equal(3, page.Total);
        Assert.All(page.Messages, m => Assert.Equal(150, m.EnvelopeTo.Count));
        Assert.Equal(ids.OrderDescending(), page.Messages.Select(m => m.Id));
    }

    [Theory]
    [InlineData("RSET", "250 2.0.0 OK")]
    [InlineData("NOOP", "250 2.0.0 OK")]
    [InlineData("VRFY someone", "252 2.5.0")]
    [InlineData("HELP", "214")]
    public async Task Rfc5321_4_1_1_housekeeping_commands(string command, string expectedStart)
    {
        await using var wire = await ConnectAsync();

        Assert.StartsWith(expectedStart, await wire.CommandAsync(command));
    }

    [Fact]
    public async Task Binary_junk_is_answered_then_the_session_is_closed_and_the_server_keeps_serving()
    {
        await using (var wire = await ConnectAsync())
        {
            var junk = new byte[64];
            new Random(7).NextBytes(junk);
            for (var i = 0; i < junk.Length; i++)
            {
                junk[i] = junk[i] is (byte)'\n' ? (byte)0 : junk[i];
            }
            for (var i = 0; i < 25; i++)
            {
                await wire.SendRawAsync([.. junk, (byte)'\r', (byte)'\n']);
            }
            var replies = new List<string>();
            while (true)
            {
                var reply = await wire.ReadReplyAsync();
                if (reply == "<closed>")
                {
                    break;
                }
                replies.Add(reply);
            }
            Assert.All(replies[..^1], r => Assert.StartsWith("500 5.5.2", r));
            Assert.StartsWith("421 4.7.0", replies[^1]);
        }

        await using var next = await ReadyAsync();
        Assert.Equal("250 2.0.0 OK", await next.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task A_client_that_vanishes_mid_DATA_stores_nothing_and_the_session_records_why()
    {
        long sessionId;
        await using (var wire = await ReadyAsync())
        {
            await wire.CommandAsync("MAIL FROM:<a@b.test>");
            await wire.CommandAsync("RCPT TO:<c@d.test>");
            await wire.CommandAsync("DATA");
            await wire.SendRawAsync("Subject: half\r\n\r\nthis message never ends");
        }

        var session = await WaitForAsync(async () =>
        {
            var page = await _host.GetJsonAsync<SessionPageDto>("api/v1/sessions");
            return page!.Sessions.FirstOrDefault(s => s.EndedAt is not null && s.Error is not null);
        });
        sessionId = session.Id;
        Assert.Contains("during message content", session.Error);
        Assert.Empty(session.MessageIds);
        Assert.Equal(0, (await MessagesAsync()).Total);
        var detail = await SessionAsync(sessionId);
        Assert.Contains(detail.Transcript!, l => l.Direction == "info" && l.Text.Contains("discarded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sessions_that_deliver_nothing_are_recorded_too()
    {
        await using (var wire = await ConnectAsync())
        {
            await wire.CommandAsync("QUIT");
        }

        var session = await WaitForAsync(async () => (await _host.GetJsonAsync<SessionPageDto>("api/v1/sessions"))!.Sessions.FirstOrDefault(s => s.EndedAt is not null));
        Assert.Empty(session.MessageIds);
        Assert.Null(session.Error);
    }

    [Fact]
    public async Task Many_sessions_at_once_each_store_their_message()
    {
        var sends = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var wire = await ReadyAsync();
            await wire.CommandAsync($"MAIL FROM:<s{i}@b.test>");
            await wire.CommandAsync("RCPT TO:<c@d.test>");
            await wire.CommandAsync("DATA");
            var id = QueuedId(await wire.CommandAsync($"Subject: parallel {i}\r\n\r\nbody {i}\r\n."));
            await wire.CommandAsync("QUIT");
            return (i, id);
        });

        var stored = await Task.WhenAll(sends);

        var page = await MessagesAsync();
        Assert.Equal(20, page.Total);
        foreach (var (i, id) in stored)
        {
            Assert.Equal($"parallel {i}", page.Messages.Single(m => m.Id == id).Subject);
        }
    }

    private async Task<SessionDto> SessionAsync(long id) =>
        await WaitForAsync(async () =>
        {
            var session = await _host.GetJsonAsync<SessionDto>($"api/v1/sessions/{id}");
            return session?.EndedAt is null ? null : session;
        });

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("The condition was not met within 5 seconds.");
    }
}
