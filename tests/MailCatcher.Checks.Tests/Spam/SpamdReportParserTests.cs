using MailCatcher.Checks.Spam;

namespace MailCatcher.Checks.Tests.Spam;

public sealed class SpamdReportParserTests
{
    [Fact]
    public void A_description_continued_on_an_indented_line_is_joined()
    {
        const string report = "Content analysis details:   (1.0 points, 5.0 required)\n\n pts rule name              description\n---- ---------------------- --------------------------------------------------\n 1.0 LONG_RULE              The first half of a long\n                            description\n-0.1 DKIM_VALID             Message has at least one valid DKIM signature\n\n";

        var rules = SpamdReportParser.ParseRules(report);

        Assert.Equal(2, rules.Count);
        Assert.Equal("The first half of a long description", rules[0].Description);
        Assert.Equal(-0.1, rules[1].Points);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "not the spamd protocol")]
    [InlineData("SPAMD/1.0 76 Bad header line: x\r\n\r\n", "refused the check")]
    [InlineData("SPAMD/1.1 0 EX_OK\r\nContent-length: 0\r\n\r\n", "no readable")]
    public void Bad_answers_are_errors_with_a_sentence(string response, string expected)
    {
        var result = SpamdReportParser.Parse(response);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains(expected, result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:783", true)]
    [InlineData("[::1]:783", true)]
    [InlineData("localhost", false)]
    [InlineData("host:99999", false)]
    public void The_endpoint_is_HOST_PORT(string endpoint, bool valid)
    {
        var client = SpamAssassinClient.TryCreate(endpoint, TimeSpan.FromSeconds(1), out var error);

        Assert.Equal(valid, client is not null);
        Assert.Equal(valid, error is null);
    }
}
