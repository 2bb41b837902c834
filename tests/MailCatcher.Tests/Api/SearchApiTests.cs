using System.Net;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Api;

/// <summary>design.md's search language through <c>GET /api/v1/messages?q=</c>, operator by operator, against real SMTP traffic.</summary>
public class SearchApiTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private const string Reset = "Your password reset";
    private const string Invoice = "Invoice 42 for November";
    private const string Cafe = "Café meeting";
    private const string Digest = "Weekly digest";
    private const string Nightly = "Nightly build";

    private TestHost Host => fixture.Host;

    private async Task Expect(string q, params string[] subjects)
        => Assert.Equal(subjects.Order(), await Host.SubjectsAsync(q));

    [Theory]
    [InlineData("reset", new[] { Reset })]
    [InlineData("RESET", new[] { Reset })]
    [InlineData("pass", new[] { Reset })]
    [InlineData("invoice", new[] { Invoice })]
    [InlineData("link", new[] { Reset })]
    [InlineData("friday", new[] { Cafe })]
    [InlineData("green", new[] { Nightly })]
    [InlineData("nothing-like-this", new string[0])]
    public async Task Free_words_match_subject_and_body_from_the_start_of_a_word(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("alice", new[] { Reset, Digest })]
    [InlineData("example.org", new[] { Reset, Invoice, Cafe })]
    [InlineData("hidden@bcc.example", new[] { Nightly })]
    public async Task Free_words_match_addresses(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("\"password reset\"", new[] { Reset })]
    [InlineData("\"reset password\"", new string[0])]
    [InlineData("\"the invoice attached\"", new[] { Invoice })]
    public async Task Quoted_phrases_match_words_in_order(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("cafe", new[] { Cafe })]
    [InlineData("josé", new[] { Cafe })]
    [InlineData("nunez", new[] { Cafe })]
    public async Task Diacritics_do_not_matter(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("from:alice@example.com", new[] { Reset, Digest })]
    [InlineData("from:example.com", new[] { Reset, Digest })]
    [InlineData("from:jose", new[] { Cafe })]
    [InlineData("from:\"José Núñez\"", new[] { Cafe })]
    [InlineData("from:shop.example", new[] { Invoice })]
    [InlineData("from:bob@example.org", new string[0])]
    public async Task From_matches_the_sender(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("to:bob@example.org", new[] { Reset, Cafe })]
    [InlineData("to:dave@other.test", new[] { Invoice })]
    [InlineData("to:hidden@bcc.example", new[] { Nightly })]
    [InlineData("to:example.org", new[] { Reset, Invoice, Cafe })]
    [InlineData("to:alice", new string[0])]
    public async Task To_matches_to_cc_and_envelope_recipients(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("subject:invoice", new[] { Invoice })]
    [InlineData("subject:\"weekly digest\"", new[] { Digest })]
    [InlineData("subject:link", new string[0])]
    public async Task Subject_matches_only_the_subject(string q, string[] subjects) => await Expect(q, subjects);

    [Fact]
    public async Task Has_attachment_and_its_negation()
    {
        await Expect("has:attachment", Invoice);
        await Expect("-has:attachment", Reset, Cafe, Digest, Nightly);
    }

    [Fact]
    public async Task Read_state()
    {
        await Expect("is:read", Reset);
        await Expect("is:unread", Invoice, Cafe, Digest, Nightly);
        var unread = await Host.SearchAsync("is:unread");
        Assert.Equal(4, unread.Total);
        Assert.Equal(4, unread.Unread);
    }

    [Theory]
    [InlineData("tag:billing", new[] { Invoice })]
    [InlineData("tag:important", new[] { Invoice })]
    [InlineData("tag:bill", new string[0])]
    [InlineData("-tag:billing", new[] { Reset, Cafe, Digest, Nightly })]
    public async Task Tags_match_whole_and_ignore_case(string q, string[] subjects) => await Expect(q, subjects);

    [Fact]
    public async Task Before_and_after_compare_the_received_day()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        await Expect($"after:{today}", Reset, Invoice, Cafe, Digest, Nightly);
        await Expect($"before:{today}");
        await Expect($"before:{tomorrow}", Reset, Invoice, Cafe, Digest, Nightly);
        await Expect($"after:{tomorrow}");
    }

    [Theory]
    [InlineData("-from:alice", new[] { Invoice, Cafe, Nightly })]
    [InlineData("alice -digest", new[] { Reset })]
    [InlineData("-\"password reset\" -invoice", new[] { Cafe, Digest, Nightly })]
    [InlineData("from:alice@example.com subject:reset is:read", new[] { Reset })]
    [InlineData("to:example.org -has:attachment -is:read", new[] { Cafe })]
    [InlineData("example has:attachment tag:billing is:unread", new[] { Invoice })]
    public async Task Combinations_are_anded(string q, string[] subjects) => await Expect(q, subjects);

    [Theory]
    [InlineData("NEAR", new[] { Digest })]
    [InlineData("AND", new[] { Digest })]
    [InlineData("NEAR(the operator)", new[] { Digest })]
    [InlineData("*", new[] { Reset, Invoice, Cafe, Digest, Nightly })]
    [InlineData("'; DROP TABLE Messages; --", new string[0])]
    [InlineData("drop table", new[] { Digest })]
    [InlineData("x' OR '1'='1", new string[0])]
    [InlineData("body:x OR 1=1 --", new string[0])]
    [InlineData("\"quotes\"", new[] { Digest })]
    [InlineData("^reset", new[] { Reset })]
    [InlineData("{subject}: reset", new string[0])]
    public async Task Fts5_operators_and_sql_are_just_words(string q, string[] subjects)
    {
        await Expect(q, subjects);
        Assert.Equal(5, (await Host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Theory]
    [InlineData("\"", "never closed")]
    [InlineData("subject:\"half", "never closed")]
    [InlineData("is:flagged", "is:read or is:unread")]
    [InlineData("before:tomorrow", "YYYY-MM-DD")]
    [InlineData("from:", "needs a value")]
    [InlineData("-", "must be followed")]
    public async Task Malformed_queries_are_400_with_the_reason(string q, string reason)
    {
        var response = await Host.Http.GetAsync($"api/v1/messages?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken);
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, reason);
        Assert.StartsWith("The search (q) is malformed", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_query_text_is_a_200_or_a_400_never_a_500()
    {
        string[] nasty =
        [
            "\"\"\"", "\\", "\\\"", "a\"b\"c", "NEAR/3", "col:val", "\0", "\u0001\u0002", "%", "_", "' OR 1=1 --", "\"; DELETE FROM Messages; --",
            "MessageSearch MATCH 'x'", ")", "(", "(((", "AND OR NOT", "* * *", "-\"\"", "tag:\"", "tag:''", "after:", "before:0000-00-00",
            "😀 emoji", "中文 検索", new string('x', 1999), new string('"', 7), "from:\"\\\"\"", "- -", "--", "-*",
        ];
        foreach (var q in nasty)
        {
            var response = await Host.Http.GetAsync($"api/v1/messages?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"q={q} gave {(int)response.StatusCode}");
        }
        Assert.Equal(5, (await Host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task Search_pages_newest_first_with_totals()
    {
        var first = await Host.SearchAsync("example");
        var page = await Host.GetJsonAsync<MessagePageDto>("api/v1/messages?q=example&offset=1&limit=2");
        Assert.Equal(first.Total, page!.Total);
        Assert.Equal(1, page.Offset);
        Assert.Equal(first.Messages.Skip(1).Take(2).Select(m => m.Id), page.Messages.Select(m => m.Id));
        Assert.True(first.Messages.Select(m => m.Id).SequenceEqual(first.Messages.Select(m => m.Id).OrderDescending()));
    }
}
