using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MailCatcher.Tests.Infrastructure;
using MailKit.Net.Smtp;

namespace MailCatcher.Tests.Integrations;

/// <summary><c>--metrics</c>: Prometheus text at <c>/metrics</c> through OpenTelemetry; absent without the flag.</summary>
public sealed partial class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Sample(string text, string metric, string label = "")
    {
        foreach (Match match in SampleLine().Matches(text))
        {
            if (match.Groups["name"].Value == metric && match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        Assert.Fail($"no sample {metric}{{{label}}} in:\n{text}");
        return 0;
    }

    [Fact]
    public async Task Metrics_are_served_after_a_message_with_their_units_and_labels()
    {
        await using var host = await TestHost.StartAsync("--metrics", "--max-message-size", "2000");
        await host.SendAsync("app@example.com", "ann@example.com", "Counted", "hello");
        // A rejected transaction: over the size limit (552).
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
            var tooBig = MailSender.Message("app@example.com", "ann@example.com", "Too big", new string('x', 5000));
            await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(tooBig, Ct));
        }
        using (var pop3 = new System.Net.Sockets.TcpClient())
        {
            await pop3.ConnectAsync("127.0.0.1", host.Pop3Port!.Value, Ct);
            _ = await pop3.GetStream().ReadAsync(new byte[64], Ct); // the greeting: the session has started
        }

        var response = await host.Http.GetAsync("metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(Sample(text, "mailcatcher_smtp_sessions_total") >= 2);
        Assert.True(Sample(text, "mailcatcher_messages_received_total") >= 1);
        Assert.True(Sample(text, "mailcatcher_messages_received_size_bytes_total") >= 100);
        Assert.True(Sample(text, "mailcatcher_smtp_replies_total", "smtp_reply_code=\"250\"") >= 3);
        Assert.True(Sample(text, "mailcatcher_smtp_replies_total", "smtp_reply_code=\"552\"") >= 1);
        Assert.True(Sample(text, "mailcatcher_smtp_transactions_total", "outcome=\"stored\"") >= 1);
        Assert.True(Sample(text, "mailcatcher_smtp_transactions_total", "outcome=\"rejected\"") >= 1);
        Assert.True(Sample(text, "mailcatcher_ingest_commit_duration_seconds_count") >= 1);
        Assert.Contains("mailcatcher_ingest_commit_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Equal(1, Sample(text, "mailcatcher_messages_stored"));
        Assert.True(Sample(text, "mailcatcher_db_size_bytes") > 0);
        Assert.Equal(0, Sample(text, "mailcatcher_outbox_entries", "state=\"queued\""));
        Assert.True(Sample(text, "mailcatcher_pop3_sessions_total") >= 1);
    }

    [Fact]
    public async Task Webhook_deliveries_are_counted_by_outcome()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync("--metrics", "--webhook", receiver.Url.ToString());
        await host.SendAsync("app@example.com", "ann@example.com", "Hooked", "x");
        await receiver.NextAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string text;
        do
        {
            text = await host.Http.GetStringAsync("metrics", Ct);
        }
        while (!text.Contains("mailcatcher_webhook_deliveries_total{", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());
        Assert.True(Sample(text, "mailcatcher_webhook_deliveries_total", "outcome=\"delivered\"") >= 1);

        static async Task<bool> Delay()
        {
            await Task.Delay(50, Ct);
            return true;
        }
    }

    [Fact]
    public async Task Without_the_flag_there_is_no_metrics_endpoint()
    {
        await using var host = await TestHost.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("metrics", Ct)).StatusCode);
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
