using MailCatcher.Checks.Html;

namespace MailCatcher.Checks.Tests.Html;

public sealed class HtmlCompatibilityCheckTests
{
    private static readonly HtmlCompatibilityCheck Check = new(CaniemailData.Shipped);

    [Fact]
    public void The_shipped_data_set_loads_with_its_features_and_client_names()
    {
        var data = CaniemailData.Shipped;
        Assert.True(data.Features.Count > 250);
        Assert.Equal("Outlook", data.FamilyNames["outlook"]);
        Assert.Equal("Outlook Windows", data.ClientName("outlook", "windows"));
        Assert.Contains(data.Features["<video> element"].Clients, c => c.Family == "outlook" && c.Level == SupportLevel.None);
    }

    [Fact]
    public void An_unsupported_element_is_reported_with_its_line_and_the_clients_it_breaks_in()
    {
        const string html = "<html>\n<body>\n<p>Hello</p>\n<video src=\"a.mp4\"></video>\n</body>\n</html>";

        var result = Check.Check(html);

        var video = Assert.Single(result.Items, i => i.What == "<video> element");
        Assert.Equal(4, video.Line);
        Assert.Contains("Outlook Windows", video.Clients!);
        Assert.Contains("Outlook Windows", video.Why, StringComparison.Ordinal);
        Assert.NotNull(video.Url);
        Assert.True(video.Severity >= CheckSeverity.Warn);
    }

    [Fact]
    public void Css_in_a_style_attribute_is_checked_property_by_property()
    {
        const string html = "<div>\n<div style=\"display: flex; background-image: url('x.png')\">x</div></div>";

        var result = Check.Check(html);

        var flex = Assert.Single(result.Items, i => i.What == "display:flex");
        Assert.Equal(2, flex.Line);
        Assert.Contains(result.Items, i => i.What == "background-image");
    }

    [Fact]
    public void A_style_sheet_is_parsed_for_selectors_at_rules_and_properties_on_the_style_elements_line()
    {
        const string html = "<html><head>\n\n<style>\n@media (prefers-color-scheme: dark) { .a { color: white } }\n.b:hover > td { position: absolute }\n</style></head><body></body></html>";

        var result = Check.Check(html);

        Assert.Contains(result.Items, i => i.What == "@media (prefers-color-scheme)" && i.Line == 3);
        Assert.Contains(result.Items, i => i.What == ":hover");
        Assert.Contains(result.Items, i => i.What == "position" && i.Location!.Contains("position: absolute", StringComparison.Ordinal));
    }

    [Fact]
    public void A_feature_broken_in_most_major_clients_fails_the_check()
    {
        var result = Check.Check("<form action=\"x\"><input type=\"text\"></form>");

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains(result.Items, i => i.Severity == CheckSeverity.Fail);
    }

    [Fact]
    public void Support_percentages_are_given_per_client_family_and_drop_for_unsupported_features()
    {
        var plain = Check.Check("<p>Hello</p>");
        var fancy = Check.Check("<p style=\"display:grid; position:fixed\">Hello</p><video></video>");

        var plainOutlook = Assert.Single(plain.Clients, c => c.Family == "outlook");
        var fancyOutlook = Assert.Single(fancy.Clients, c => c.Family == "outlook");
        Assert.True(fancyOutlook.SupportPercent < plainOutlook.SupportPercent, $"{fancyOutlook.SupportPercent} < {plainOutlook.SupportPercent}");
        Assert.Equal("gmail", fancy.Clients[0].Family);
        Assert.True(fancyOutlook.Unsupported >= 2);
    }

    [Fact]
    public void Comments_are_found_with_their_line_by_the_tokenizer()
    {
        var uses = HtmlFeatureScanner.Scan("<p>a</p>\n\n<!--[if mso]><table><![endif]-->\n<p>b</p>", new CaniemailFeatureIndex(CaniemailData.Shipped));

        Assert.Contains(uses, u => u.Title == "HTML comments" && u.Line == 3);
    }

    [Fact]
    public void Values_are_judged_as_written_not_as_computed()
    {
        var uses = HtmlFeatureScanner.Scan("<style>\n.a { color: white; margin: 0 }\n</style>", new CaniemailFeatureIndex(CaniemailData.Shipped));

        Assert.DoesNotContain(uses, u => u.Title == "rgba()");
        Assert.Single(uses, u => u.Title == "margin");
    }

    [Fact]
    public void Elements_the_parser_implies_are_not_reported_as_written()
    {
        var uses = HtmlFeatureScanner.Scan("<p>no body tag</p>", new CaniemailFeatureIndex(CaniemailData.Shipped));

        Assert.DoesNotContain(uses, u => u.Title == "<body> element");
        Assert.Contains(uses, u => u.Title == "<p> element" && u.Line == 1);
    }

    [Fact]
    public void A_message_without_html_is_skipped_with_a_sentence()
    {
        var result = Check.Check(null);

        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Contains("no HTML body", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_markup_and_css_do_not_throw()
    {
        var result = Check.Check("<div style=\"color:;;;{{\"><table><td>x<style>@media {{{ .a:nth-child( { }</style><img src=\"data:image/png;base64,AAA\">");

        Assert.NotEqual(CheckStatus.Error, result.Status);
        Assert.Contains(result.Items, i => i.What == "Base 64 image format" || i.What == "PNG image format" || i.What == "<style> element");
    }

    [Fact]
    public void A_doctype_that_clients_ignore_is_information_not_a_failure()
    {
        var result = Check.Check("<!DOCTYPE html>\n<p>Hello</p>");

        var doctype = Assert.Single(result.Items, i => i.What == "HTML5 doctype");
        Assert.Equal(CheckSeverity.Info, doctype.Severity);
        Assert.NotEqual(CheckStatus.Fail, result.Status);
    }
}
