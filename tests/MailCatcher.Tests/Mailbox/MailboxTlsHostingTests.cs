using MailCatcher.CommandLine;
using MailCatcher.Hosting;
using MailCatcher.Tests.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Tests.Mailbox;

/// <summary>The implicit-TLS mail ports as a person meets them: in --help and in the startup banner.</summary>
public sealed class MailboxTlsHostingTests
{
    [Fact]
    public void Help_lists_the_implicit_TLS_ports_and_the_TLS_requirement_in_the_POP3_and_IMAP_block()
    {
        var help = CommandLineParser.HelpText();

        var imapPort = help.IndexOf("--imap-port", StringComparison.Ordinal);
        Assert.True(help.IndexOf("--pop3s-port", StringComparison.Ordinal) > imapPort);
        Assert.True(help.IndexOf("--imaps-port", StringComparison.Ordinal) > imapPort);
        Assert.Contains("--mailbox-require-tls", help);
        Assert.True(help.IndexOf("--imaps-port", StringComparison.Ordinal) < help.IndexOf("--relay-host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_banner_prints_SMTPS_POP3S_and_IMAPS_only_when_they_are_on()
    {
        var folder = SecureHost.NewFolder();
        Directory.CreateDirectory(folder);
        try
        {
            string[] common = ["--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", Path.Combine(folder, "mail.db"), "--tls-self-signed"];
            await using (var plain = MailCatcherApp.Build(common, Quiet))
            {
                await plain.StartAsync(TestContext.Current.CancellationToken);
                var banner = MailCatcherApp.StartupBanner(plain);
                Assert.DoesNotContain("SMTPS", banner);
                Assert.DoesNotContain("POP3S", banner);
                Assert.DoesNotContain("IMAPS", banner);
                await plain.StopAsync(TestContext.Current.CancellationToken);
            }

            await using var secure = MailCatcherApp.Build([.. common, "--smtps-port", "0", "--pop3s-port", "0", "--imaps-port", "0"], Quiet);
            await secure.StartAsync(TestContext.Current.CancellationToken);
            var ports = (BoundPorts)secure.Services.GetService(typeof(BoundPorts))!;
            var lines = MailCatcherApp.StartupBanner(secure).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains($"  SMTPS     127.0.0.1:{ports.PortOf("smtps")}", lines);
            Assert.Contains($"  POP3S     127.0.0.1:{ports.PortOf("pop3s")}", lines);
            Assert.Contains($"  IMAPS     127.0.0.1:{ports.PortOf("imaps")}", lines);
            await secure.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            SecureHost.DeleteFolder(folder);
        }
    }

    private static void Quiet(WebApplicationBuilder builder) => builder.Logging.SetMinimumLevel(LogLevel.Warning);
}
