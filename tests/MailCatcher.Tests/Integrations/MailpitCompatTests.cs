using System.Text.Json;
using MailCatcher.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Tests.Integrations;

/// <summary>
/// The real <c>mailpit-api</c> npm client (tests/mailpit-compat) against <c>/mailpit</c>: every call
/// in compat.mjs must succeed and assert what Mailpit would answer.
/// </summary>
public sealed class MailpitCompatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CompatFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "mailpit-compat");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/mailpit-compat not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_mailpit_api_npm_client_works_against_the_mailpit_prefix()
    {
        var folder = CompatFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "mailpit-api")))
        {
            var install = await ExternalTool.RunAsync("/usr/bin/npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund"]);
            Assert.True(install.ExitCode == 0, $"npm ci failed: {install.Error}");
        }
        await using var host = await TestHost.StartAsync();
        await host.SendAsync("app@example.com", "ann@example.com", "Welcome Ann", "Welcome aboard, Ann.", "<p>Welcome aboard. <a href=\"https://example.com/start\">Start here</a></p>");
        var code = MailSender.Message("app@example.com", "bob@example.com", "Your code", "Your code is 482913.");
        code.Cc.Add(MailboxAddress.Parse("carol@example.com"));
        code.Bcc.Add(MailboxAddress.Parse("dave@example.com"));
        await host.SendAsync(code);
        var invoice = new MimeMessage();
        invoice.From.Add(MailboxAddress.Parse("billing@example.com"));
        invoice.To.Add(MailboxAddress.Parse("ann@example.com"));
        invoice.Subject = "Invoice";
        var body = new BodyBuilder { TextBody = "Attached." };
        body.Attachments.Add("invoice.pdf", "%PDF-1.4"u8.ToArray(), new ContentType("application", "pdf"));
        invoice.Body = body.ToMessageBody();
        await host.SendAsync(invoice);

        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/node", [Path.Combine(folder, "compat.mjs")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MAILPIT_URL"] = $"http://127.0.0.1:{host.HttpPort}/mailpit";
        using var node = System.Diagnostics.Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(Ct);
        var error = node.StandardError.ReadToEndAsync(Ct);
        await node.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(120), Ct);
        Assert.True(node.ExitCode == 0, $"compat.mjs failed:\n{await error}\n{await output}");

        using var result = JsonDocument.Parse(await output);
        var covered = result.RootElement.GetProperty("covered").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(14, covered.Count);
    }
}
