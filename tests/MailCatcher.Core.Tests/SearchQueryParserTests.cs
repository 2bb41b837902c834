using MailCatcher.Core.Search;

namespace MailCatcher.Core.Tests;

/// <summary>The search language of design.md, one operator at a time, then combinations and malformed input.</summary>
public sealed class SearchQueryParserTests
{
    private static SearchTerm Single(string text) => Assert.Single(SearchQueryParser.Parse(text).Terms);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Blank_query_is_empty_and_matches_everything(string? text)
    {
        Assert.True(SearchQueryParser.Parse(text).IsEmpty);
    }

    [Fact]
    public void Free_word_is_a_text_term()
    {
        Assert.Equal(new SearchTerm(SearchField.Text, "invoice"), Single("invoice"));
    }

    [Fact]
    public void Quoted_phrase_keeps_its_spaces()
    {
        Assert.Equal(new SearchTerm(SearchField.Text, "password reset"), Single("\"password reset\""));
    }

    [Fact]
    public void Escaped_quote_and_backslash_inside_a_phrase()
    {
        Assert.Equal("say \"hi\" \\ bye", Single("\"say \\\"hi\\\" \\\\ bye\"").Value);
    }

    [Theory]
    [InlineData("from:alice@example.com", SearchField.From, "alice@example.com")]
    [InlineData("to:example.com", SearchField.To, "example.com")]
    [InlineData("subject:welcome", SearchField.Subject, "welcome")]
    [InlineData("subject:\"two words\"", SearchField.Subject, "two words")]
    [InlineData("FROM:Bob", SearchField.From, "Bob")]
    [InlineData("tag:important", SearchField.Tag, "important")]
    [InlineData("tag:\"needs review\"", SearchField.Tag, "needs review")]
    public void Field_terms(string text, SearchField field, string value)
    {
        var term = Single(text);
        Assert.Equal(field, term.Field);
        Assert.Equal(value, term.Value);
        Assert.False(term.Negated);
    }

    [Theory]
    [InlineData("has:attachment", SearchField.HasAttachment)]
    [InlineData("has:attachments", SearchField.HasAttachment)]
    [InlineData("is:read", SearchField.IsRead)]
    [InlineData("is:unread", SearchField.IsUnread)]
    [InlineData("IS:UNREAD", SearchField.IsUnread)]
    public void Flag_terms(string text, SearchField field)
    {
        Assert.Equal(field, Single(text).Field);
    }

    [Fact]
    public void Before_and_after_are_utc_midnight()
    {
        var before = Single("before:2026-11-28");
        Assert.Equal(SearchField.Before, before.Field);
        Assert.Equal(new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc), before.Time);
        Assert.Equal(DateTimeKind.Utc, before.Time!.Value.Kind);
        var after = Single("after:2026/01/02");
        Assert.Equal(SearchField.After, after.Field);
        Assert.Equal(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), after.Time);
    }

    [Theory]
    [InlineData("-spam", SearchField.Text)]
    [InlineData("-from:noreply@example.com", SearchField.From)]
    [InlineData("-is:read", SearchField.IsRead)]
    [InlineData("-has:attachment", SearchField.HasAttachment)]
    [InlineData("-\"daily digest\"", SearchField.Text)]
    public void Leading_minus_negates(string text, SearchField field)
    {
        var term = Single(text);
        Assert.Equal(field, term.Field);
        Assert.True(term.Negated);
    }

    [Fact]
    public void Terms_combine_in_order()
    {
        var query = SearchQueryParser.Parse("  reset  from:app@example.com -is:read subject:\"your account\" after:2026-01-01 ");
        Assert.Equal(
            [SearchField.Text, SearchField.From, SearchField.IsRead, SearchField.Subject, SearchField.After],
            query.Terms.Select(t => t.Field));
        Assert.True(query.Terms[2].Negated);
        Assert.Equal("your account", query.Terms[3].Value);
    }

    [Theory]
    [InlineData("re:hello")]
    [InlineData("https://example.com/reset")]
    [InlineData("note:")]
    public void Unknown_key_is_free_text(string text)
    {
        var term = Single(text);
        Assert.Equal(SearchField.Text, term.Field);
        Assert.Equal(text, term.Value);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("@@ --- ***")]
    [InlineData("^ : ()")]
    public void Punctuation_only_words_are_dropped(string text)
    {
        Assert.True(SearchQueryParser.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("NEAR(a b)", new[] { "NEAR", "a", "b" })]
    [InlineData("alice@example.com", new[] { "alice", "example", "com" })]
    [InlineData("\"x\" OR 1=1; DROP TABLE Messages; --", new[] { "x", "OR", "1", "1", "DROP", "TABLE", "Messages" })]
    [InlineData("José's café", new[] { "José", "s", "café" })]
    public void Words_are_letters_and_digits_only(string text, string[] words)
    {
        Assert.Equal(words, SearchQueryParser.Parse(text).Terms.SelectMany(t => t.Words));
    }

    [Theory]
    [InlineData("\"unclosed", "never closed")]
    [InlineData("subject:\"unclosed phrase", "never closed")]
    [InlineData("\"\"", "empty")]
    [InlineData("\"a\"b", "space after the closing quote")]
    [InlineData("-", "must be followed")]
    [InlineData("spam - ham", "must be followed")]
    [InlineData("from:", "needs a value")]
    [InlineData("to:\"\"", "needs a value")]
    [InlineData("from:@", "no letters or digits")]
    [InlineData("has:wings", "has:attachment")]
    [InlineData("is:starred", "is:read or is:unread")]
    [InlineData("before:yesterday", "YYYY-MM-DD")]
    [InlineData("after:2026-13-45", "YYYY-MM-DD")]
    public void Malformed_queries_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_and_overfull_queries_are_refused()
    {
        Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(new string('a', SearchQueryParser.MaxLength + 1)));
        Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(string.Join(' ', Enumerable.Range(0, SearchQueryParser.MaxTerms + 1).Select(i => $"w{i}"))));
    }

    [Fact]
    public void Position_points_at_the_problem()
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse("ok \"open"));
        Assert.Equal(3, error.Position);
    }
}
