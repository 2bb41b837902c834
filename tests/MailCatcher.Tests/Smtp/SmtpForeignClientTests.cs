using System.Globalization;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Smtp;

/// <summary>
/// SMTP clients that are not ours (Python's smtplib, curl's smtp:// URLs): what they meant to
/// send must be what is stored, and their way of reading replies must not lose a message.
/// </summary>
public sealed class SmtpForeignClientTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private string Port => _host.SmtpPort.ToString(CultureInfo.InvariantCulture);

    private async Task<MessagePageDto> MessagesAsync() => (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!;

    private async Task<byte[]> RawAsync(long id) => await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw");

    private const string ManyRecipientsScript = """
        import smtplib, sys
        smtp = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=20)
        refused = smtp.sendmail("a@b.test", [f"r{i}@d.test" for i in range(1030)], b"Subject: many\r\n\r\nbody\r\n")
        print("REFUSED", len(refused), sorted({code for code, _ in refused.values()}))
        smtp.quit()
        """;

    /// <summary>
    /// RFC 5321 §4.5.3.1.10: 452 for recipients over the limit tells the client to send the rest
    /// later, so they must not count as errors that close the session (smtplib then loses the message).
    /// </summary>
    [Fact]
    public async Task Rfc5321_4_5_3_1_10_smtplib_with_more_recipients_than_the_limit_delivers_to_the_first_thousand()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Python), "python3 is not installed");

        var run = await ExternalTool.RunAsync(ExternalTool.Python, ["-", Port], ManyRecipientsScript);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("REFUSED 30 [452]", run.Output.Trim());
        var message = (await MessagesAsync()).Messages.Single();
        Assert.Equal(1000, message.EnvelopeTo.Count);
    }

    /// <summary>
    /// RFC 5321 §4.1.1.4: "&lt;LF&gt;.&lt;LF&gt;" MUST NOT end the mail data. curl sends a file with LF
    /// line ends as it is and dot-stuffs only after CRLF, so a lone "." line in it is content.
    /// </summary>
    [Fact]
    public async Task Rfc5321_4_1_1_4_curl_sending_a_file_with_LF_line_ends_and_a_lone_dot_line_is_stored_whole()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Curl), "curl is not installed");
        const string file = "Subject: lf file\n\nfirst\n.\n..\nlast\n";
        var path = Path.Combine(Path.GetTempPath(), $"mailcatcher-curl-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, file, TestContext.Current.CancellationToken);
        try
        {
            var run = await ExternalTool.RunAsync(ExternalTool.Curl,
                ["-sS", "--max-time", "20", $"smtp://127.0.0.1:{Port}", "--mail-from", "a@b.test", "--mail-rcpt", "c@d.test", "-T", path]);

            Assert.True(run.ExitCode == 0, run.Error);
        }
        finally
        {
            File.Delete(path);
        }
        var message = (await MessagesAsync()).Messages.Single();
        // curl ends the data with CRLF "." CRLF after a last line that did not end in CRLF.
        Assert.Equal(file + "\r\n", Encoding.ASCII.GetString(await RawAsync(message.Id)));
    }
}
