using System.Net;
using System.Net.Sockets;
using MailCatcher.Checks.Spam;

namespace MailCatcher.Checks.Tests.Spam;

/// <summary>Against a real spamd on loopback (one for the class, see <see cref="SpamdFixture"/>).</summary>
public sealed class SpamAssassinClientTests(SpamdFixture spamd) : IClassFixture<SpamdFixture>
{
    private SpamAssassinClient Client => new("127.0.0.1", spamd.Port, TimeSpan.FromSeconds(60));

    private static byte[] Bytes(string raw) => System.Text.Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n"));

    [Fact]
    public async Task A_message_missing_its_headers_gets_a_score_a_threshold_and_the_rules_with_descriptions()
    {
        var result = await Client.CheckAsync(Bytes("Subject: x\n\nhello, world hello, world\n"), TestContext.Current.CancellationToken);

        Assert.Equal(5.0, result.Threshold);
        Assert.NotNull(result.Score);
        var missingDate = Assert.Single(result.Rules, r => r.Name == "MISSING_DATE");
        Assert.True(missingDate.Points > 0);
        Assert.Contains("Date", missingDate.Description, StringComparison.Ordinal);
        Assert.Contains(result.Items, i => i.What == "MISSING_DATE" && i.Why.Contains("points", StringComparison.Ordinal));
        Assert.Contains("threshold of 5.0", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_message_scores_below_the_threshold_and_passes()
    {
        var raw = "From: Shop <orders@shop.example>\nTo: ann@example.com\nSubject: Your order 1234 has shipped\nDate: "
            + DateTimeOffset.UtcNow.ToString("r") + "\nMessage-ID: <order-1234@shop.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            + "Hello Ann,\n\nyour order 1234 has shipped and should arrive on Thursday.\n\nThanks for shopping with us.\n";

        var result = await Client.CheckAsync(Bytes(raw), TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.False(result.IsSpam);
        Assert.True(result.Score < result.Threshold);
    }

    [Fact]
    public async Task The_GTUBE_test_string_is_spam_and_fails()
    {
        const string gtube = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
        var raw = $"From: a@example.com\nTo: b@example.com\nSubject: test\nDate: {DateTimeOffset.UtcNow:r}\nMessage-ID: <g@example.com>\n\n{gtube}\n";

        var result = await Client.CheckAsync(Bytes(raw), TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.True(result.IsSpam);
        Assert.Contains(result.Rules, r => r.Name == "GTUBE" && r.Points >= 1000);
    }

    [Fact]
    public async Task An_unreachable_spamd_is_an_error_with_a_sentence_not_an_exception()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var result = await new SpamAssassinClient("127.0.0.1", port, TimeSpan.FromSeconds(5)).CheckAsync(Bytes("Subject: x\n\nx\n"), TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains($"127.0.0.1:{port} could not be reached", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_with_a_sentence()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await new SpamAssassinClient("127.0.0.1", port, TimeSpan.FromMilliseconds(500)).CheckAsync(Bytes("Subject: x\n\nx\n"), TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("did not answer within", result.Summary, StringComparison.Ordinal);
    }
}
