using System.Text;
using MailCatcher.Relay.Bounces;
using MimeKit;

namespace MailCatcher.Relay.Tests;

/// <summary>The bounce is an RFC 3464 report that MimeKit (and mail clients) read back as such.</summary>
public sealed class DeliveryStatusNotificationTests
{
    private static readonly byte[] Headers = "From: App <app@sender.test>\r\nTo: a@example.com\r\nSubject: Reset\r\nMessage-ID: <1@sender.test>\r\n"u8.ToArray();

    private static BounceFacts Facts(int? code, string text, bool gaveUp, params string[] recipients) => new(
        "catcher.test", "app@sender.test", recipients, code, text, gaveUp, "relay.test",
        new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 28, 10, 1, 0, DateTimeKind.Utc), Headers);

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        bytes.Position = 0;
        return MimeMessage.Load(bytes);
    }

    [Theory]
    [InlineData(550, "5.1.1 No such user", false, "5.1.1")]
    [InlineData(550, "No such user", false, "5.0.0")]
    [InlineData(554, "4.1.1 class differs from the code", false, "5.0.0")]
    [InlineData(451, "4.3.0 Try later", true, "4.3.0")]
    [InlineData(null, "SocketException: Connection refused", true, "4.4.7")]
    public void Status_comes_from_the_enhanced_code_when_it_agrees_with_the_reply(int? code, string text, bool gaveUp, string status) =>
        Assert.Equal(status, DeliveryStatusNotification.StatusFor(code, text, gaveUp));

    [Fact]
    public void Report_has_the_three_parts_of_RFC_3464()
    {
        var report = RoundTrip(DeliveryStatusNotification.Build(
            Facts(550, "5.1.1 <a@example.com>: Recipient address rejected", false, "a@example.com", "b@example.com"), DateTimeOffset.UnixEpoch));

        Assert.Equal("MAILER-DAEMON@catcher.test", report.From.Mailboxes.Single().Address);
        Assert.Equal("app@sender.test", report.To.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", report.Headers["Auto-Submitted"]);
        var multipart = Assert.IsType<MultipartReport>(report.Body);
        Assert.Equal("delivery-status", multipart.ReportType);
        Assert.Equal(3, multipart.Count);
        Assert.Contains("<a@example.com>: 550 5.1.1", Assert.IsType<TextPart>(multipart[0]).Text);

        var status = Assert.IsType<MessageDeliveryStatus>(multipart[1]);
        // Per-message fields, then one group per recipient (MimeKit reads the blank line that ends the part as one more, empty group).
        Assert.Equal(3, status.StatusGroups.Count(g => g.Count > 0));
        Assert.Equal("dns; catcher.test", status.StatusGroups[0]["Reporting-MTA"]);
        Assert.NotNull(status.StatusGroups[0]["Arrival-Date"]);
        for (var i = 1; i <= 2; i++)
        {
            var recipient = status.StatusGroups[i];
            Assert.Equal(i == 1 ? "rfc822; a@example.com" : "rfc822; b@example.com", recipient["Final-Recipient"]);
            Assert.Equal("failed", recipient["Action"]);
            Assert.Equal("5.1.1", recipient["Status"]);
            Assert.Equal("dns; relay.test", recipient["Remote-MTA"]);
            Assert.Equal("smtp; 550 5.1.1 <a@example.com>: Recipient address rejected", recipient["Diagnostic-Code"]);
        }

        var headers = Assert.IsAssignableFrom<MimeEntity>(multipart[2]);
        Assert.Equal("text/rfc822-headers", headers.ContentType.MimeType);
        using var content = new MemoryStream();
        headers.WriteTo(content, contentOnly: true, TestContext.Current.CancellationToken);
        Assert.Contains("Subject: Reset", Encoding.ASCII.GetString(content.ToArray()));
    }

    [Fact]
    public void Gave_up_after_connection_failures_has_no_diagnostic_code_but_says_why()
    {
        var report = RoundTrip(DeliveryStatusNotification.Build(Facts(null, "SocketException: Connection refused", true, "a@example.com"), DateTimeOffset.UnixEpoch));

        var multipart = Assert.IsType<MultipartReport>(report.Body);
        var recipient = ((MessageDeliveryStatus)multipart[1]).StatusGroups[1];
        Assert.Equal("4.4.7", recipient["Status"]);
        Assert.Null(recipient["Diagnostic-Code"]);
        Assert.Contains("Connection refused", ((TextPart)multipart[0]).Text);
        Assert.Contains("retry period ran out", ((TextPart)multipart[0]).Text);
    }
}
