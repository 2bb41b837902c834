using MailCatcher.Core.Mime;

namespace MailCatcher.Web.Tests.Unit;

/// <summary>The markup pass behind /html. The CSP and the sandbox stop scripts too; this is the layer that also removes them.</summary>
public sealed class HtmlPreviewTests
{
    private static HtmlPreviewResult Prepare(string html, bool allowRemote = false) =>
        HtmlPreview.Prepare(html, id => $"/parts/{id}", cid => cid == "known@x" ? "2" : null, allowRemote);

    [Theory]
    [InlineData("<script>alert(1)</script><p>ok</p>")]
    [InlineData("<SCRIPT type=module>alert(1)</SCRIPT><p>ok</p>")]
    [InlineData("<p onclick=\"alert(1)\">ok</p>")]
    [InlineData("<p ONMOUSEOVER='alert(1)'>ok</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">ok</a>")]
    [InlineData("<a href=\" JaVaScRiPt:alert(1)\">ok</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">ok</a>")]
    [InlineData("<a href=\"vbscript:alert(1)\">ok</a>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">ok</a>")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><p>ok</p>")]
    [InlineData("<object data=\"javascript:alert(1)\"></object><p>ok</p>")]
    [InlineData("<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">ok</button></form>")]
    [InlineData("<svg><script>alert(1)</script></svg><p>ok</p>")]
    public void Nothing_that_could_run_survives(string html)
    {
        var result = Prepare(html).Html;
        Assert.DoesNotContain("alert", result);
        Assert.Contains("ok", result);
    }

    [Fact]
    public void A_meta_refresh_and_a_base_are_dropped()
    {
        var result = Prepare("<head><meta http-equiv=\"refresh\" content=\"0;url=https://evil\"><base href=\"https://evil/\"><meta charset=\"utf-8\"></head><p>ok</p>").Html;
        Assert.DoesNotContain("refresh", result);
        Assert.DoesNotContain("<base", result);
        Assert.Contains("charset", result);
    }

    [Fact]
    public void Cid_references_point_at_parts_and_unknown_ones_are_dropped()
    {
        var result = Prepare("<img src=\"cid:known@x\"><img src=\"cid:%3Cknown@x%3E\"><img src=\"cid:unknown@x\">").Html;
        Assert.Equal(2, result.Split("src=\"/parts/2\"").Length - 1);
        Assert.DoesNotContain("unknown", result);
    }

    [Fact]
    public void Remote_images_are_counted_and_held_back_until_allowed()
    {
        const string Html = "<img src=\"https://t.example/p.gif\"><img src=\"//cdn.example/a.png\"><img srcset=\"https://a/1x.png 1x\"><td background=\"http://bg/x.png\"><div style=\"background:url('https://x/y.png')\"></div><img src=\"data:image/png;base64,AAAA\">";

        var blocked = Prepare(Html);
        Assert.Equal(5, blocked.BlockedRemoteImages);
        Assert.DoesNotContain(" src=\"https://", blocked.Html);
        Assert.DoesNotContain(" src=\"//", blocked.Html);
        Assert.DoesNotContain("srcset", blocked.Html);
        Assert.Contains("data-blocked-src=\"https://t.example/p.gif\"", blocked.Html);
        Assert.Contains("src=\"data:image/png;base64,AAAA\"", blocked.Html);

        var allowed = Prepare(Html, allowRemote: true);
        Assert.Equal(0, allowed.BlockedRemoteImages);
        Assert.Contains(" src=\"https://t.example/p.gif\"", allowed.Html);
        Assert.Contains("srcset", allowed.Html);
    }

    [Fact]
    public void Links_open_in_a_new_tab_without_opener_or_referrer()
    {
        var result = Prepare("<a href=\"https://example.com\" target=\"_top\" rel=\"opener\">go</a>").Html;
        Assert.Equal("<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">go</a>", result);
    }

    [Fact]
    public void Ordinary_markup_and_styles_are_kept()
    {
        const string Html = "<style>p{color:red}</style><table><tr><td style=\"padding:4px\"><b>bold</b> &amp; <i>it</i></td></tr></table>";
        Assert.Equal(Html, Prepare(Html).Html);
    }
}
