using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>
/// Renders the inbox, a message and a transcript in light and dark, at desktop and phone widths,
/// checks each view shows what it should, and saves the pictures. With
/// <c>MAILCATCHER_UPDATE_SCREENSHOTS=1</c> they replace the README's (docs/screenshots/);
/// otherwise they go to the test output folder, so a test run leaves the work tree clean.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ScreenshotTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, int, int, ColorScheme> Views => new()
    {
        { "desktop-light", 1440, 900, ColorScheme.Light },
        { "desktop-dark", 1440, 900, ColorScheme.Dark },
        { "phone-light", 390, 844, ColorScheme.Light },
        { "phone-dark", 390, 844, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Inbox_message_and_transcript(string name, int width, int height, ColorScheme scheme)
    {
        var welcome = await SeedAsync();
        var folder = Environment.GetEnvironmentVariable("MAILCATCHER_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var page = await browser.NewPageAsync(width, height, scheme);

        await InboxPage.OpenAsync(page, _host.HttpPort);
        await Expect(InboxPage.Rows(page)).ToHaveCountAsync(Seed.Length);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"inbox-{name}.png") });

        await InboxPage.Row(page, "Welcome to Northwind").ClickAsync();
        await Expect(InboxPage.Preview(page).Locator("h1")).ToHaveTextAsync("Confirm your email");
        await Expect(InboxPage.Preview(page).Locator("img").First).ToHaveJSPropertyAsync("naturalWidth", 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"message-{name}.png") });

        await InboxPage.OpenAsync(page, _host.HttpPort, "/sessions");
        await page.Locator(".session-row").Filter(new() { HasText = "1 message" }).Last.ClickAsync();
        await Expect(page.Locator("[data-testid=session-detail] .tline.client").First).ToContainTextAsync("EHLO");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"transcript-{name}.png") });
        Assert.True(welcome > 0);
    }

    private static readonly (string From, string Address, string To, string Subject, bool Read, Func<MimeEntity> Body)[] Seed =
    [
        ("Northwind", "hello@northwind.dev", "maria@example.com", "Welcome to Northwind — confirm your email", false, Newsletter),
        ("Northwind Billing", "billing@northwind.dev", "maria@example.com", "Your invoice INV-10423 is ready", false, Invoice),
        ("Security", "no-reply@accounts.northwind.dev", "maria@example.com", "Your sign-in code is 482913", false, () => Text("Use 482913 to sign in. The code expires in 10 minutes. If this wasn't you, reset your password.")),
        ("CI", "builds@ci.internal", "dev-team@example.com", "[checkout] Build #1287 passed on main", true, () => Text("All 412 tests passed in 3m 12s. Commit a1b2c3d by Sam: Fix rounding in cart totals.")),
        ("Northwind", "digest@northwind.dev", "maria@example.com", "Weekly digest: 12 new comments on your project", true, () => Text("Here is what happened this week: 12 new comments, 3 pull requests merged, 1 release published.")),
        ("Shipping", "orders@shop.example", "maria@example.com", "Your order #55120 has shipped", true, () => Text("Good news: your order is on its way. Track it with code 1Z999AA10123456784.")),
        ("Alerts", "alerts@monitor.internal", "oncall@example.com", "Disk usage above 85% on db-02", false, () => Text("db-02 /var/lib/postgresql is at 87% (alert threshold 85%).")),
        ("Sam Lee", "sam@example.com", "maria@example.com", "Re: launch checklist", true, () => Text("Looks good to me — I ticked off the DNS and the status page items.")),
    ];

    private async Task<long> SeedAsync()
    {
        long welcome = 0;
        foreach (var (from, address, to, subject, read, body) in Seed.Reverse())
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(from, address));
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = subject;
            message.Body = body();
            var id = await HostMail.SendAsync(_host, message);
            if (read)
            {
                await ((MailCatcher.Storage.Writing.MailCommands)_host.Services.GetService(typeof(MailCatcher.Storage.Writing.MailCommands))!)
                    .SetReadAsync([id], true, TestContext.Current.CancellationToken);
            }
            if (subject.StartsWith("Welcome", StringComparison.Ordinal))
            {
                welcome = id;
            }
        }
        return welcome;
    }

    private static TextPart Text(string text) => new("plain") { Text = text };

    private static MimeEntity Invoice()
    {
        var builder = new BodyBuilder { TextBody = "Hi Maria,\n\nyour invoice INV-10423 for November (€ 240.00) is attached.\n\nNorthwind Billing" };
        builder.Attachments.Add("INV-10423.pdf", "%PDF-1.4\n% fake invoice\n"u8.ToArray(), new ContentType("application", "pdf"));
        return builder.ToMessageBody();
    }

    private static MimeEntity Newsletter()
    {
        var builder = new BodyBuilder
        {
            TextBody = "Confirm your email: https://northwind.dev/confirm?token=abc123",
            HtmlBody = """
                <!doctype html><html><body style="margin:0;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif;color:#1f2937">
                <table width="100%" cellpadding="0" cellspacing="0" style="padding:32px 12px"><tr><td align="center">
                <table width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#ffffff;border-radius:12px;overflow:hidden">
                  <tr><td style="background:#0f766e;padding:22px 28px;color:#fff;font-size:18px;font-weight:bold">
                    <img src="cid:logo@northwind.dev" width="20" height="20" style="vertical-align:middle;border-radius:4px;background:#fff;margin-right:8px"> Northwind</td></tr>
                  <tr><td style="padding:28px">
                    <h1 style="margin:0 0 12px;font-size:22px">Confirm your email</h1>
                    <p style="margin:0 0 20px;line-height:1.6;color:#4b5563">Thanks for signing up, Maria. Confirm your address and we'll get your workspace ready.</p>
                    <a href="https://northwind.dev/confirm?token=abc123" style="display:inline-block;background:#0f766e;color:#fff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold">Confirm email</a>
                    <p style="margin:24px 0 0;font-size:13px;color:#6b7280">This link expires in 24 hours. If you didn't sign up, ignore this email.</p>
                  </td></tr>
                  <tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#9ca3af">Northwind Inc. · 1 Market St · San Francisco
                    <img src="https://pixel.northwind.dev/open.gif" width="1" height="1"></td></tr>
                </table></td></tr></table></body></html>
                """,
        };
        var logo = builder.LinkedResources.Add("logo.png", MailSender.Png, new ContentType("image", "png"));
        logo.ContentId = "logo@northwind.dev";
        return builder.ToMessageBody();
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MailCatcher.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("MailCatcher.sln not found above the test binaries.");
    }
}
