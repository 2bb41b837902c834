using System.Diagnostics;
using MailCatcher.Core.Mime;

namespace MailCatcher.Core.Tests;

/// <summary>
/// Issue 16: MimeKit's HtmlToHtml kept a stack that made the preview quadratic in void elements
/// (1 MB of &lt;img&gt; took a minute, a 20 MB HTML body timed the API out). The preview is one
/// tokenizer pass now.
/// </summary>
public sealed class HtmlPreviewScalingTests
{
    [Fact]
    public void A_megabyte_of_void_elements_is_previewed_in_seconds_not_minutes()
    {
        var html = string.Concat(Enumerable.Repeat("<img src=x><br>", 1024 * 1024 / 15));
        var watch = Stopwatch.StartNew();
        var preview = HtmlPreview.Prepare(html, id => "parts/" + id, _ => null, allowRemote: false);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1024 * 1024 / 15, preview.Html.Split("<img").Length - 1);
    }

    [Theory]
    [InlineData("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>")]
    [InlineData("<div><iframe src=x><p>in</p></iframe>out</div>", "<div>out</div>")]
    [InlineData("<script>never closed", "")]
    [InlineData("<p onclick=\"x()\" title=t>t</p><!-- c -->", "<p title=\"t\">t</p>")]
    [InlineData("<br/><img src=\"javascript:x\">", "<br/><img>")]
    public void Scripts_frames_handlers_and_comments_are_dropped_in_the_one_pass(string html, string expected)
    {
        Assert.Equal(expected, HtmlPreview.Prepare(html, id => "parts/" + id, _ => null, allowRemote: false).Html);
    }
}
