using MailCatcher.Core.Mime;

namespace MailCatcher.Core.Tests;

public sealed class LinkExtractorTests
{
    [Fact]
    public void Html_links_with_their_text_then_text_only_urls()
    {
        var html = """
            <p>Hi!</p>
            <a class="btn" href="https://app.example.com/confirm?token=abc&amp;u=1">Confirm <b>your</b> e-mail</a>
            <a href='https://example.com/logo'><img src="cid:logo" alt="Example Inc."></a>
            <a href=https://example.com/bare>bare</a>
            <a href="#top">top</a> <a href="javascript:alert(1)">x</a> <a href="mailto:help@example.com">Help</a>
            """;
        var text = "Confirm: https://app.example.com/confirm?token=abc&u=1\nOr reset here: https://app.example.com/reset?t=9).\n";

        var links = LinkExtractor.Extract(html, text);

        Assert.Equal(
            [
                new MessageLink("https://app.example.com/confirm?token=abc&u=1", "Confirm your e-mail"),
                new MessageLink("https://example.com/logo", "Example Inc."),
                new MessageLink("https://example.com/bare", "bare"),
                new MessageLink("mailto:help@example.com", "Help"),
                new MessageLink("https://app.example.com/reset?t=9", "Or reset here"),
            ],
            links);
    }

    [Fact]
    public void Bare_url_alone_on_its_line_is_its_own_text()
    {
        var link = Assert.Single(LinkExtractor.Extract(null, "https://example.com/wiki/Foo_(bar)"));
        Assert.Equal("https://example.com/wiki/Foo_(bar)", link.Url);
        Assert.Equal(link.Url, link.Text);
    }

    [Fact]
    public void No_bodies_no_links()
    {
        Assert.Empty(LinkExtractor.Extract(null, null));
        Assert.Empty(LinkExtractor.Extract("<p>no links</p>", "none here either"));
    }
}
