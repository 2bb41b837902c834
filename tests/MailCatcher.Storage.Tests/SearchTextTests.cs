using System.Text;
using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Search;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Ingest;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Search;

namespace MailCatcher.Storage.Tests;

/// <summary>What ingest hands the full-text index, and how a search becomes FTS5 text that cannot escape its quotes.</summary>
public sealed class SearchTextTests
{
    private static ParsedSummary Parse(string raw) => SummaryParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(raw)), persistent: false);

    [Fact]
    public void Body_text_is_the_whole_text_body_not_just_the_snippet()
    {
        var body = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var summary = Parse($"Subject: x\r\n\r\n{body}\r\n");
        Assert.Contains("word199", summary.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("word199", summary.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_only_body_is_indexed_without_tags_or_scripts()
    {
        var summary = Parse("Content-Type: text/html\r\n\r\n<p>Hello <b>reader</b></p><script>secretScript()</script>\r\n");
        Assert.Contains("reader", summary.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("secretScript", summary.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", summary.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_puts_header_and_envelope_addresses_in_their_columns()
    {
        var summary = Parse("From: Ann <ann@example.com>\r\nTo: Bob <bob@example.com>\r\nCc: carol@example.com\r\nSubject: Hi\r\n\r\nBody\r\n");
        using var content = new SpooledContent();
        var incoming = new IncomingMessage(1, new Envelope("bounce@example.com", ["bob@example.com", "secret@bcc.test"]), new SessionFacts("127.0.0.1:1", null, null, null), content, DateTime.UtcNow);

        var document = SearchDocument.From(incoming, summary);

        Assert.Equal("Hi", document.Subject);
        Assert.Equal("Ann ann@example.com bounce@example.com", document.Sender);
        Assert.Equal("Bob bob@example.com  carol@example.com bob@example.com secret@bcc.test", document.Recipients);
        Assert.Contains("Body", document.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoice", "{subject sender recipients body} : \"invoice\"*")]
    [InlineData("to:bob@example.com", "recipients : \"bob example com\"*")]
    [InlineData("from:x", "sender : \"x\"")]
    [InlineData("subject:\"a \\\"NEAR\\\" b*\"", "subject : \"a NEAR b\"")]
    [InlineData("\"x\" OR 1=1; DROP TABLE", "{subject sender recipients body} : \"x\"")]
    public void Terms_become_quoted_phrases_of_words(string query, string expected)
    {
        var term = SearchQueryParser.Parse(query).Terms[0];
        Assert.Equal(expected, SqliteSearchSql.FullText(term));
    }

    [Fact]
    public void Where_uses_parameters_for_every_value()
    {
        var filter = new MessageFilter(SearchQueryParser.Parse("tag:\"x' OR 1=1 --\" before:2026-01-01 -from:evil\"quote"));
        var where = SqliteSearchSql.Where(filter);
        Assert.DoesNotContain("OR 1=1", where.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", where.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", where.Sql, StringComparison.Ordinal);
        Assert.Equal(3, where.Parameters.Count);
    }

    [Fact]
    public void Only_text_searches_take_the_index_only_path()
    {
        Assert.Equal("({subject sender recipients body} : \"aa\"*) AND (subject : \"bb\"*)", SqliteSearchSql.FullTextOnly(new MessageFilter(SearchQueryParser.Parse("aa subject:bb"))));
        Assert.Equal("(({subject sender recipients body} : \"aa\"*)) NOT ({subject sender recipients body} : \"bb\"*)", SqliteSearchSql.FullTextOnly(new MessageFilter(SearchQueryParser.Parse("aa -bb"))));
        Assert.Null(SqliteSearchSql.FullTextOnly(new MessageFilter(SearchQueryParser.Parse("-bb"))));
        Assert.Null(SqliteSearchSql.FullTextOnly(new MessageFilter(SearchQueryParser.Parse("aa is:read"))));
        Assert.Null(SqliteSearchSql.FullTextOnly(new MessageFilter(SearchQueryParser.Parse("aa"), AfterId: 5)));
    }

    [Fact]
    public void A_search_in_one_inbox_adds_that_inbox_token_and_words_never_reach_the_inbox_column()
    {
        var words = SqliteSearchSql.FullTextOnly(new MessageFilter(SearchQueryParser.Parse("i42")))!;
        Assert.Equal("({subject sender recipients body} : \"i42\"*)", words);
        Assert.Equal("inbox : \"i42\" AND (" + words + ")", SqliteSearchSql.InInbox(words, 42));
        Assert.Equal(words, SqliteSearchSql.InInbox(words, null));
    }

    [Theory]
    [InlineData(new long[] { 1, 3, 5, 7 }, new long[] { 2, 3, 4, 7, 9 }, new long[] { 3, 7 })]
    [InlineData(new long[] { }, new long[] { 1 }, new long[] { })]
    [InlineData(new long[] { 1, 2, 3 }, new long[] { 1, 2, 3 }, new long[] { 1, 2, 3 })]
    [InlineData(new long[] { 10 }, new long[] { 1, 2, 3 }, new long[] { })]
    public void Text_and_column_matches_merge_in_id_order(long[] text, long[] columns, long[] expected)
    {
        Assert.Equal(expected, MailQueries.IntersectSorted([.. text], [.. columns]));
    }
}
