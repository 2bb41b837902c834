using MailCatcher.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace MailCatcher.Testing.MSTests;

/// <summary>The README's MSTest example, run: one server for the class, mail cleared between tests.</summary>
[TestClass]
public sealed class MailCatcherServerMSTests
{
    private static MailCatcherServer s_server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartServer(TestContext context) => s_server = await MailCatcherServer.StartAsync(cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopServer() => await s_server.DisposeAsync();

    [TestMethod]
    public async Task Mail_sent_over_SMTP_is_waited_for_and_read_through_the_client()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("app@example.com"));
        message.To.Add(MailboxAddress.Parse("mstest@example.com"));
        message.Subject = "Welcome";
        message.Body = new TextPart("html") { Text = "<a href=\"https://example.com/verify?t=1\">Verify</a>" };
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(s_server.SmtpHost, s_server.SmtpPort, SecureSocketOptions.None, TestContext.CancellationToken);
            await smtp.SendAsync(message, TestContext.CancellationToken);
            await smtp.DisconnectAsync(true, TestContext.CancellationToken);
        }

        var received = await s_server.Client.WaitForMessageAsync("to:mstest@example.com", TimeSpan.FromSeconds(10), cancellationToken: TestContext.CancellationToken);
        var links = await s_server.Client.GetLinksAsync(received.Id, TestContext.CancellationToken);

        Assert.AreEqual("Welcome", received.Subject);
        Assert.AreEqual("https://example.com/verify?t=1", links.Single().Url);
    }

    [TestMethod]
    public async Task The_web_inbox_answers_at_the_web_address()
    {
        using var http = new HttpClient { BaseAddress = s_server.WebAddress };

        var health = await http.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.CancellationToken);
        var page = await http.GetStringAsync(new Uri("", UriKind.Relative), TestContext.CancellationToken);

        Assert.IsTrue(health.IsSuccessStatusCode);
        StringAssert.Contains(page, "_framework/blazor.web.js");
    }
}
