using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.CommandLine;

/// <summary>
/// <c>mailcatcher sendmail</c> run as a process with a message on standard input, the way a plain
/// pipe, cron or mail(1) would, against a real host: what arrives, byte for byte, and the exit codes.
/// </summary>
public sealed class SendmailTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync("--smtp-accept-recipient", "*@example.com");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task With_t_the_header_recipients_get_the_message_byte_for_byte_and_Bcc_is_removed()
    {
        const string head = "From: App <app@example.com>\r\nTo: ann@example.com, \"Bob B\" <bob@example.com>\r\nCc: carol@example.com\r\n";
        var rest = "Date: Fri, 04 Dec 2026 10:00:00 +0000\r\nMessage-ID: <pipe-1@example.com>\r\nSubject: =?UTF-8?B?w6nDqMOg?=\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "Grüße, naïve café\r\n.a line that starts with a dot\r\n..two dots\r\n.\r\n" + new string('x', 1500) + "\r\n \r\nlast line\r\n";
        var input = Encoding.UTF8.GetBytes(head + "Bcc: dave@example.com,\r\n eve@example.com\r\n" + rest);

        var result = await SendmailRunner.SendmailAsync(_host.SmtpPort, input, "-t", "-i", "-f", "bounce@example.com");

        Assert.True(result.ExitCode == 0, result.Error);
        var (summary, raw) = await SendmailRunner.OnlyMessageAsync(_host);
        Assert.Equal(Encoding.UTF8.GetBytes(head + rest), raw);
        Assert.Equal("bounce@example.com", summary.EnvelopeFrom);
        Assert.Equal(["ann@example.com", "bob@example.com", "carol@example.com", "dave@example.com", "eve@example.com"], summary.EnvelopeTo);
    }

    [Fact]
    public async Task LF_line_ends_become_CRLF_and_a_missing_From_Date_and_Message_ID_are_added()
    {
        var input = Encoding.UTF8.GetBytes("To: ann@example.com\nSubject: from cron\n\nline one\n\nline three");

        var result = await SendmailRunner.SendmailAsync(_host.SmtpPort, input, "-oi", "-F", "Cron Daemon", "-fcron@example.com", "ann@example.com");

        Assert.True(result.ExitCode == 0, result.Error);
        var (summary, raw) = await SendmailRunner.OnlyMessageAsync(_host);
        var text = Encoding.UTF8.GetString(raw);
        Assert.StartsWith("To: ann@example.com\r\nSubject: from cron\r\nFrom: Cron Daemon <cron@example.com>\r\nDate: ", text);
        Assert.Matches("\r\nMessage-ID: <[^>]+@[^>]+>\r\n\r\n", text);
        Assert.EndsWith("\r\n\r\nline one\r\n\r\nline three\r\n", text);
        Assert.Equal("from cron", summary.Subject);
        Assert.Equal("Cron Daemon", summary.From!.Name);
        Assert.Equal(["ann@example.com"], summary.EnvelopeTo);
    }

    [Fact]
    public async Task Without_i_a_line_holding_only_a_dot_ends_the_message()
    {
        var input = Encoding.ASCII.GetBytes("Subject: dot\r\nFrom: a@example.com\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\nMessage-ID: <d@x>\r\n\r\nkept\r\n.\r\nnot sent\r\n");

        var result = await SendmailRunner.SendmailAsync(_host.SmtpPort, input, "ann@example.com");

        Assert.True(result.ExitCode == 0, result.Error);
        var (_, raw) = await SendmailRunner.OnlyMessageAsync(_host);
        Assert.EndsWith("\r\n\r\nkept\r\n", Encoding.ASCII.GetString(raw));
    }

    [Theory]
    [InlineData(new[] { "-t" }, 64, "no recipients")]
    [InlineData(new[] { "-bs", "ann@example.com" }, 64, "-bs")]
    [InlineData(new[] { "-k", "ann@example.com" }, 64, "unknown option -k")]
    [InlineData(new[] { "nobody@elsewhere.test" }, 67, "550")]
    public async Task Mistakes_and_refusals_exit_with_sendmails_codes(string[] args, int exitCode, string error)
    {
        var result = await SendmailRunner.SendmailAsync(_host.SmtpPort, "Subject: x\r\n\r\nx\r\n"u8.ToArray(), args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(error, result.Error);
        var page = await _host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        Assert.Empty(page!.Messages);
    }

    [Fact]
    public async Task A_recipient_refused_among_accepted_ones_still_lets_the_others_have_it_and_exits_67()
    {
        var result = await SendmailRunner.SendmailAsync(_host.SmtpPort, "Subject: x\r\n\r\nx\r\n"u8.ToArray(), "ann@example.com", "nobody@elsewhere.test");

        Assert.Equal(67, result.ExitCode);
        var (summary, _) = await SendmailRunner.OnlyMessageAsync(_host);
        Assert.Equal(["ann@example.com"], summary.EnvelopeTo);
    }

    [Fact]
    public async Task Nothing_listening_is_a_temporary_failure_75_naming_the_address()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await SendmailRunner.SendmailAsync(closedPort, "Subject: x\r\n\r\nx\r\n"u8.ToArray(), "ann@example.com");

        Assert.Equal(75, result.ExitCode);
        Assert.Contains($"127.0.0.1:{closedPort}", result.Error);
    }

    [Fact]
    public async Task Through_a_link_named_sendmail_it_behaves_the_same_and_reads_the_address_from_the_environment()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(SendmailRunner.AppHost))
        {
            Assert.Skip("needs the host's apphost and symbolic links");
        }
        var folder = Directory.CreateTempSubdirectory("mailcatcher-link-");
        try
        {
            var link = Path.Combine(folder.FullName, "sendmail");
            File.CreateSymbolicLink(link, SendmailRunner.AppHost);
            var environment = new Dictionary<string, string> { ["MAILCATCHER_SMTP_ADDR"] = $"127.0.0.1:{_host.SmtpPort}" };

            var result = await SendmailRunner.RunAsync("To: ann@example.com\nSubject: via link\n\nhello\n"u8.ToArray(), environment, link, "-t", "-i");

            Assert.True(result.ExitCode == 0, result.Error);
            var (summary, _) = await SendmailRunner.OnlyMessageAsync(_host);
            Assert.Equal("via link", summary.Subject);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
