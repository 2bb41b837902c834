using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Smtp;

/// <summary>
/// Findings of a test campaign against RFC 5321 and its extensions over a raw socket, each pinned
/// by the exact reply and the exact stored bytes. Test names cite the section whose rule they pin.
/// </summary>
public sealed class SmtpConformanceTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync("--max-message-size", "2000");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<SmtpWire> ReadyAsync(string ehlo = "EHLO client.test")
    {
        var (wire, greeting) = await SmtpWire.ConnectAsync(_host.SmtpPort);
        Assert.StartsWith("220 ", greeting);
        Assert.StartsWith("250", await wire.CommandAsync(ehlo));
        return wire;
    }

    private async Task<byte[]> RawAsync(long id) => await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw");

    private static long QueuedId(string reply)
    {
        Assert.StartsWith("250 2.0.0 OK: queued as ", reply);
        return long.Parse(reply["250 2.0.0 OK: queued as ".Length..]);
    }

    private async Task<SessionDto> EndedSessionAsync(long messageId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var summary = await _host.GetJsonAsync<MessageSummaryDto>($"api/v1/messages/{messageId}");
            var session = await _host.GetJsonAsync<SessionDto>($"api/v1/sessions/{summary!.SessionId}");
            if (session?.EndedAt is not null)
            {
                return session;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("The session did not end within 5 seconds.");
    }

    /// <summary>
    /// RFC 5321 §4.1.1.4: "&lt;LF&gt;.&lt;LF&gt;" MUST NOT end the data of a client that speaks CRLF;
    /// the "." line stays in the message and the transcript says why.
    /// </summary>
    [Fact]
    public async Task Rfc5321_4_1_1_4_LF_dot_LF_from_a_CRLF_client_is_content_and_noted()
    {
        long id;
        await using (var wire = await ReadyAsync())
        {
            await wire.CommandAsync("MAIL FROM:<a@b.test>");
            await wire.CommandAsync("RCPT TO:<c@d.test>");
            Assert.StartsWith("354", await wire.CommandAsync("DATA"));

            id = QueuedId(await wire.CommandAsync("Subject: lf dot\r\n\r\nabove\n.\nbelow\r\n."));
            Assert.StartsWith("221", await wire.CommandAsync("QUIT"));
        }

        Assert.Equal("Subject: lf dot\r\n\r\nabove\n.\nbelow\r\n", Encoding.ASCII.GetString(await RawAsync(id)));
        var session = await EndedSessionAsync(id);
        Assert.Contains(session.Transcript!, l => l.Direction == "info" && l.Text.Contains("1 \".\" lines after a bare LF kept as content", StringComparison.Ordinal));
    }

    /// <summary>A client that never sends CR (netcat typed by hand) still ends its data with "." on a line of its own.</summary>
    [Fact]
    public async Task A_client_that_sends_only_LF_ends_its_data_with_LF_dot_LF()
    {
        var (wire, _) = await SmtpWire.ConnectAsync(_host.SmtpPort);
        await using (wire)
        {
            Assert.StartsWith("250", await SendLfAsync(wire, "HELO nc.test\n"));
            Assert.StartsWith("250", await SendLfAsync(wire, "MAIL FROM:<a@b.test>\n"));
            Assert.StartsWith("250", await SendLfAsync(wire, "RCPT TO:<c@d.test>\n"));
            Assert.StartsWith("354", await SendLfAsync(wire, "DATA\n"));

            var id = QueuedId(await SendLfAsync(wire, "Subject: typed\n\n..dot\nbody\n.\n"));

            Assert.Equal("Subject: typed\n\n.dot\nbody\n", Encoding.ASCII.GetString(await RawAsync(id)));
        }
    }

    /// <summary>
    /// RFC 1870 §3: <c>size-value ::= 1*20DIGIT</c>, so a 20-digit size is well formed (and over any
    /// limit: 552), while 21 digits or a non-number is a syntax error (501).
    /// </summary>
    [Theory]
    [InlineData("SIZE=99999999999999999999", "552 5.3.4")]
    [InlineData("SIZE=18446744073709551616", "552 5.3.4")]
    [InlineData("SIZE=000000000000000000001", "501 5.5.4")]
    [InlineData("SIZE=12x", "501 5.5.4")]
    [InlineData("SIZE=", "501 5.5.4")]
    public async Task Rfc1870_3_a_declared_size_of_up_to_20_digits_is_compared_not_refused_as_syntax(string parameter, string expected)
    {
        await using var wire = await ReadyAsync();

        Assert.StartsWith(expected, await wire.CommandAsync($"MAIL FROM:<a@b.test> {parameter}"));
    }

    /// <summary>
    /// RFC 5321 §4.1.1.1: the HELO/EHLO argument is a Domain or address literal. A name with control
    /// characters is a syntax error (501); echoing it would put a NUL or a bare CR into the reply.
    /// </summary>
    [Theory]
    [InlineData("EHLO bad\0name")]
    [InlineData("HELO bad\rname")]
    [InlineData("EHLO tab\tname")]
    public async Task Rfc5321_4_1_1_1_a_HELO_name_with_control_characters_is_501_and_not_echoed(string command)
    {
        var (wire, _) = await SmtpWire.ConnectAsync(_host.SmtpPort);
        await using (wire)
        {
            Assert.Equal("501 5.5.4 Syntax error: " + command[..4] + " needs a domain or address literal", await wire.CommandAsync(command));
            Assert.Equal("250 mailcatcher.local Hello fine.test", await wire.CommandAsync("HELO fine.test"));
        }
    }

    /// <summary>RFC 3030 §2: BDAT 0 LAST ends a message; a command pipelined after a chunk's octets is read as a command.</summary>
    [Fact]
    public async Task Rfc3030_2_BDAT_0_LAST_and_a_command_pipelined_after_the_chunk()
    {
        await using var wire = await ReadyAsync();
        await wire.SendRawAsync("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nBDAT 9\r\nSubject: BDAT 0 LAST\r\nNOOP\r\n");
        Assert.Equal("250 2.1.0 Sender OK", await wire.ReadReplyAsync());
        Assert.Equal("250 2.1.5 Recipient OK", await wire.ReadReplyAsync());
        Assert.Equal("250 2.0.0 9 octets received", await wire.ReadReplyAsync());

        var id = QueuedId(await wire.ReadReplyAsync());
        Assert.Equal("250 2.0.0 OK", await wire.ReadReplyAsync());

        Assert.Equal("Subject: ", Encoding.ASCII.GetString(await RawAsync(id)));
    }

    /// <summary>A client that vanishes inside a BDAT chunk: nothing is stored, the session says why, the server serves on.</summary>
    [Fact]
    public async Task Rfc3030_a_client_that_vanishes_mid_BDAT_stores_nothing_and_the_session_records_why()
    {
        await using (var wire = await ReadyAsync("EHLO vanishing.test"))
        {
            await wire.CommandAsync("MAIL FROM:<a@b.test>");
            await wire.CommandAsync("RCPT TO:<c@d.test>");
            await wire.SendRawAsync("BDAT 100 LAST\r\nSubject: half\r\n");
        }

        SessionDto? session = null;
        for (var attempt = 0; attempt < 200 && session is null; attempt++)
        {
            var page = await _host.GetJsonAsync<SessionPageDto>("api/v1/sessions");
            session = page!.Sessions.FirstOrDefault(s => s.HeloName == "vanishing.test" && s.EndedAt is not null);
            await Task.Delay(session is null ? 25 : 0, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(session);
        Assert.Contains("during message content", session.Error);
        Assert.Empty(session.MessageIds);
        Assert.Equal(0, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
        await using var next = await ReadyAsync();
        Assert.Equal("250 2.0.0 OK", await next.CommandAsync("NOOP"));
    }

    /// <summary>RFC 5321 §4.1.1.10: QUIT aborts an open mail transaction; the transcript says nothing was stored.</summary>
    [Fact]
    public async Task Rfc5321_4_1_1_10_QUIT_in_a_mail_transaction_is_noted_in_the_transcript()
    {
        await using (var wire = await ReadyAsync("EHLO quitter.test"))
        {
            await wire.CommandAsync("MAIL FROM:<a@b.test>");
            await wire.CommandAsync("RCPT TO:<c@d.test>");
            Assert.StartsWith("221 2.0.0", await wire.CommandAsync("QUIT"), StringComparison.Ordinal);
        }

        SessionDto? ended = null;
        for (var attempt = 0; attempt < 200 && ended is null; attempt++)
        {
            var page = await _host.GetJsonAsync<SessionPageDto>("api/v1/sessions");
            ended = page!.Sessions.FirstOrDefault(s => s.HeloName == "quitter.test" && s.EndedAt is not null);
            await Task.Delay(ended is null ? 25 : 0, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(ended);
        var session = await _host.GetJsonAsync<SessionDto>($"api/v1/sessions/{ended.Id}");
        Assert.Contains(session!.Transcript!, l => l.Direction == "info" && l.Text == "QUIT in the middle of a mail transaction; nothing was stored");
        Assert.Empty(session.MessageIds);
    }

    /// <summary>
    /// RFC 3030 §2: a BDAT whose size can be read but whose end-marker cannot is 501, and its octets
    /// are still consumed, so that they are not taken for commands.
    /// </summary>
    [Theory]
    [InlineData("BDAT 5 LAT")]
    [InlineData("BDAT 5 LAST more")]
    public async Task Rfc3030_2_a_malformed_BDAT_with_a_size_is_501_and_its_chunk_is_skipped(string command)
    {
        await using var wire = await ReadyAsync();
        await wire.CommandAsync("MAIL FROM:<a@b.test>");
        await wire.CommandAsync("RCPT TO:<c@d.test>");

        await wire.SendRawAsync($"{command}\r\nhelloNOOP\r\n");

        Assert.Equal("501 5.5.4 Syntax error: expected BDAT <size> [LAST]", await wire.ReadReplyAsync());
        Assert.Equal("250 2.0.0 OK", await wire.ReadReplyAsync());
    }

    private static async Task<string> SendLfAsync(SmtpWire wire, string text)
    {
        await wire.SendRawAsync(text);
        return await wire.ReadReplyAsync();
    }
}
