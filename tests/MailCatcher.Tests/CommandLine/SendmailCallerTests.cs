using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.CommandLine;

/// <summary>
/// The programs people point at a sendmail, unchanged: PHP's mail() through sendmail_path, and
/// git send-email through --sendmail-cmd and through an smtpserver that is a program's path.
/// <c>.ci/run</c> installs php-cli and git-email.
/// </summary>
public sealed class SendmailCallerTests : IAsyncLifetime
{
    private const string Php = "/usr/bin/php";

    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PHP_mail_through_sendmail_path_arrives_with_its_headers_and_body()
    {
        if (!File.Exists(Php))
        {
            Assert.Skip("php-cli is not installed; bash .ci/run installs it");
        }
        var sendmailPath = SendmailRunner.ShellCommand("--smtp-addr", $"127.0.0.1:{_host.SmtpPort}", "-t", "-i");
        const string script = """
            $ok = mail("ann@example.com", "Welcome from PHP", "Hello Ann,\r\n.\r\nBye", "From: shop@example.com\r\nX-Mailer: php-test");
            exit($ok ? 0 : 1);
            """;

        var result = await ExternalTool.RunAsync(Php, ["-n", "-d", $"sendmail_path={sendmailPath}", "-r", script]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var (summary, raw) = await SendmailRunner.OnlyMessageAsync(_host);
        Assert.Equal("Welcome from PHP", summary.Subject);
        Assert.Equal("shop@example.com", summary.From!.Address);
        Assert.Equal(["ann@example.com"], summary.EnvelopeTo);
        var text = Encoding.UTF8.GetString(raw);
        Assert.Contains("\r\nX-Mailer: php-test\r\n", text);
        // -i: PHP's lone "." line is content, not the end of the message.
        Assert.EndsWith("\r\n\r\nHello Ann,\r\n.\r\nBye\r\n", text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Git_send_email_delivers_a_patch(bool throughSendmailCmd)
    {
        var gitSendEmail = Path.Combine((await ExternalTool.RunAsync("/usr/bin/git", ["--exec-path"])).Output.Trim(), "git-send-email");
        if (!File.Exists(gitSendEmail))
        {
            Assert.Skip("git send-email is not installed; bash .ci/run installs git-email");
        }
        if (!throughSendmailCmd && (OperatingSystem.IsWindows() || !File.Exists(SendmailRunner.AppHost)))
        {
            Assert.Skip("needs the host's apphost and symbolic links");
        }
        var folder = Directory.CreateTempSubdirectory("mailcatcher-git-");
        try
        {
            var repository = folder.FullName;
            await GitAsync(repository, "init", "-q");
            await File.WriteAllTextAsync(Path.Combine(repository, "hello.txt"), "hello\n.\nworld\n", TestContext.Current.CancellationToken);
            await GitAsync(repository, "add", "hello.txt");
            await GitAsync(repository, "commit", "-q", "-m", "Add a greeting");
            await GitAsync(repository, "format-patch", "-1", "-o", "patches");
            var patch = Directory.GetFiles(Path.Combine(repository, "patches")).Single();

            string[] delivery;
            if (throughSendmailCmd)
            {
                delivery = [$"--sendmail-cmd={SendmailRunner.ShellCommand("--smtp-addr", $"127.0.0.1:{_host.SmtpPort}")}"];
            }
            else
            {
                // smtpserver as an absolute path: git runs it as sendmail (-i recipients…), here a link named sendmail.
                var link = Path.Combine(repository, "sendmail");
                File.CreateSymbolicLink(link, SendmailRunner.AppHost);
                delivery = [$"--smtp-server={link}"];
            }
            var result = await GitAsync(repository, ["send-email", .. delivery, "--to=reviewers@example.com", "--from=Dev <dev@example.com>", "--envelope-sender=auto", "--confirm=never", "--suppress-cc=all", "--quiet", patch]);

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            var (summary, raw) = await SendmailRunner.OnlyMessageAsync(_host);
            Assert.Equal("[PATCH] Add a greeting", summary.Subject);
            Assert.Equal(["reviewers@example.com"], summary.EnvelopeTo);
            Assert.Equal("dev@example.com", summary.EnvelopeFrom);
            // The diff's lone "." line (git passes -i) and the rest of the patch arrive intact.
            Assert.Contains("\r\n+hello\r\n+.\r\n+world\r\n", Encoding.UTF8.GetString(raw));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        async Task<ExternalTool.Result> GitAsync(string repository, params string[] args)
        {
            var environment = new Dictionary<string, string>
            {
                ["MAILCATCHER_SMTP_ADDR"] = $"127.0.0.1:{_host.SmtpPort}",
                ["GIT_AUTHOR_NAME"] = "Dev",
                ["GIT_AUTHOR_EMAIL"] = "dev@example.com",
                ["GIT_COMMITTER_NAME"] = "Dev",
                ["GIT_COMMITTER_EMAIL"] = "dev@example.com",
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["HOME"] = repository,
            };
            var result = await SendmailRunner.RunAsync([], environment, "/usr/bin/git", ["-C", repository, .. args]);
            Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.Output}{result.Error}");
            return result;
        }
    }
}
