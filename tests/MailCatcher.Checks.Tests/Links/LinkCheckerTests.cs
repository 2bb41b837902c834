using System.Net;
using MailCatcher.Checks.Links;
using MimeKit;

namespace MailCatcher.Checks.Tests.Links;

/// <summary>Against a real HTTP server on loopback, which the checker may reach only with private addresses allowed.</summary>
public sealed class LinkCheckerTests : IDisposable
{
    private readonly LoopbackWebServer _server = new();

    public void Dispose() => _server.Dispose();

    private static MimeMessage Message(string html, string? text = null, params (string ContentId, byte[] Bytes)[] images)
    {
        var builder = new BodyBuilder { HtmlBody = html, TextBody = text };
        foreach (var (contentId, bytes) in images)
        {
            var image = builder.LinkedResources.Add(contentId + ".png", bytes, new ContentType("image", "png"));
            image.ContentId = contentId;
        }
        var message = new MimeMessage { Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("a@example.com"));
        return TestMessages.Reparse(message);
    }

    private static LinkChecker Checker(bool allowPrivate = true, int max = 100, double timeoutSeconds = 10)
        => new(new LinkCheckOptions { AllowPrivateAddresses = allowPrivate, MaxLinks = max, Timeout = TimeSpan.FromSeconds(timeoutSeconds) });

    [Fact]
    public async Task Each_url_gets_its_status_with_HEAD_then_GET_when_HEAD_is_refused()
    {
        var html = $"<a href=\"{_server.Url("/ok")}\">ok</a>\n<a href=\"{_server.Url("/missing")}\">gone</a>\n<img src=\"{_server.Url("/no-head")}\" alt=\"\">\n<a href=\"{_server.Url("/redirect")}\">r</a>";
        using var checker = Checker();

        var result = await checker.CheckAsync(Message(html, $"See {_server.Url("/ok")} and {_server.Url("/text-only")}"), TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Links.Count);
        Assert.Equal(200, Assert.Single(result.Links, l => l.Url.EndsWith("/ok", StringComparison.Ordinal)).StatusCode);
        var missing = Assert.Single(result.Links, l => l.Url.EndsWith("/missing", StringComparison.Ordinal));
        Assert.Equal((404, CheckSeverity.Fail, 2), (missing.StatusCode!.Value, missing.Severity, missing.Line!.Value));
        var noHead = Assert.Single(result.Links, l => l.Url.EndsWith("/no-head", StringComparison.Ordinal));
        Assert.Equal(("GET", 200, LinkKind.Image), (noHead.Method, noHead.StatusCode!.Value, noHead.Kind));
        var redirect = Assert.Single(result.Links, l => l.Url.EndsWith("/redirect", StringComparison.Ordinal));
        Assert.Equal(_server.Url("/ok"), redirect.FinalUrl);
        Assert.Equal(404, Assert.Single(result.Links, l => l.Url.EndsWith("/text-only", StringComparison.Ordinal)).StatusCode);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(2, result.Items.Count);
        Assert.Contains("2 of 5 URLs are broken", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cid_images_are_checked_against_the_messages_own_parts_without_a_request()
    {
        var html = "<img src=\"cid:logo\" alt=\"Logo\"><img src=\"cid:missing\" alt=\"x\">";
        using var checker = Checker();

        var result = await checker.CheckAsync(Message(html, null, ("logo", [137, 80, 78, 71])), TestContext.Current.CancellationToken);

        Assert.Equal(CheckSeverity.Pass, Assert.Single(result.Links, l => l.Url == "cid:logo").Severity);
        var missing = Assert.Single(result.Links, l => l.Url == "cid:missing");
        Assert.Equal(CheckSeverity.Fail, missing.Severity);
        Assert.Contains("Content-ID <missing>", missing.Error, StringComparison.Ordinal);
        Assert.Equal(0, _server.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Private_addresses_are_refused_at_connect_time_and_never_reached(string host)
    {
        using var checker = Checker(allowPrivate: false);

        var result = await checker.CheckAsync(Message($"<a href=\"http://{host}:{_server.Port}/ok\">x</a>"), TestContext.Current.CancellationToken);

        var link = Assert.Single(result.Links);
        Assert.Equal(CheckSeverity.Warn, link.Severity);
        Assert.Null(link.StatusCode);
        Assert.Contains("--checks-allow-private-links", link.Error, StringComparison.Ordinal);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task An_IPv6_loopback_literal_is_refused_too()
    {
        using var checker = Checker(allowPrivate: false);

        var result = await checker.CheckAsync(Message($"<a href=\"http://[::1]:{_server.Port}/redirect\">x</a>"), TestContext.Current.CancellationToken);

        Assert.Equal(CheckSeverity.Warn, Assert.Single(result.Links).Severity);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task The_number_of_urls_is_bounded_and_the_rest_counted()
    {
        var html = string.Concat(Enumerable.Range(0, 5).Select(i => $"<a href=\"{_server.Url("/ok?" + i)}\">{i}</a>"));
        using var checker = Checker(max: 3);

        var result = await checker.CheckAsync(Message(html), TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Links.Count);
        Assert.Equal(2, result.Skipped);
        Assert.Contains(result.Items, i => i.What == "Links not checked");
        Assert.Equal(3, _server.Requests);
    }

    [Fact]
    public async Task A_slow_server_times_out_with_a_sentence()
    {
        using var checker = Checker(timeoutSeconds: 0.5);

        var result = await checker.CheckAsync(Message($"<a href=\"{_server.Url("/slow")}\">x</a>"), TestContext.Current.CancellationToken);

        var link = Assert.Single(result.Links);
        Assert.Equal(CheckSeverity.Fail, link.Severity);
        Assert.Contains("No answer within", link.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:2800:220:1::1", false)]
    public void The_address_policy_knows_private_ranges(string address, bool isPrivate)
        => Assert.Equal(isPrivate, AddressPolicy.IsPrivate(IPAddress.Parse(address)));
}
