using System.Text;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Tests;

public sealed class SummaryParserTests
{
    private static ParsedSummary Parse(string raw) => SummaryParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(raw)), persistent: false);

    [Fact]
    public void Reads_the_summary_columns()
    {
        var summary = Parse("From: \"Ann\" <ann@example.com>\r\nTo: a@x.test, \"B\" <b@x.test>\r\nCc: c@x.test\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nDate: Tue, 03 Nov 2026 10:00:00 +0100\r\nMessage-ID: <id1@x.test>\r\n\r\nHello\r\n  there\r\n");

        Assert.Equal("Ann", summary.From!.Name);
        Assert.Equal("ann@example.com", summary.From.Address);
        Assert.Equal(["a@x.test", "b@x.test"], summary.To.Select(a => a.Address));
        Assert.Equal("c@x.test", Assert.Single(summary.Cc).Address);
        Assert.Equal("Grüße", summary.Subject);
        Assert.Equal(new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc), summary.Date);
        Assert.Equal("id1@x.test", summary.MessageId);
        Assert.Equal("Hello there", summary.Snippet);
        Assert.Null(summary.ParseError);
    }

    [Fact]
    public void The_snippet_is_the_first_200_characters_with_whitespace_collapsed()
    {
        var words = string.Join(" \r\n\t ", Enumerable.Range(0, 200).Select(i => $"w{i}"));
        var summary = Parse($"Subject: s\r\n\r\n{new string('\n', 3000)}   {words}\r\n");

        Assert.Equal(SummaryParser.SnippetLength, summary.Snippet.Length);
        Assert.StartsWith("w0 w1 w2 ", summary.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", summary.Snippet, StringComparison.Ordinal);
        Assert.False(char.IsWhiteSpace(summary.Snippet[^1]));
    }

    [Fact]
    public void The_snippet_never_ends_in_half_a_character()
    {
        // 199 letters, then emoji (two UTF-16 units each): the 200th unit would be a lone high surrogate.
        var summary = Parse($"Content-Type: text/plain; charset=utf-8\r\n\r\n{new string('a', 199)}\U0001F600\U0001F600\r\n");

        Assert.Equal(new string('a', 199), summary.Snippet);
    }

    [Fact]
    public void Html_only_mail_gets_a_snippet_without_tags_or_scripts()
    {
        var summary = Parse("Content-Type: text/html\r\n\r\n<html><head><style>p{}</style></head><body><script>alert(1)</script><p>Hi &amp; welcome</p></body></html>\r\n");

        Assert.Equal("Hi & welcome", summary.Snippet);
    }

    [Fact]
    public void Headerless_input_is_still_summarised()
    {
        var summary = Parse("Mail content:\r\nthis is not a header block at all\r\n");

        Assert.NotNull(summary.ParseError);
        Assert.Equal("", summary.Subject);
        Assert.Contains("this is not a header block", summary.Snippet);
    }
}
