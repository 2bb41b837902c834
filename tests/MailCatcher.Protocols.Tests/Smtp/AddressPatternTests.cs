using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Protocols.Tests.Smtp;

public sealed class AddressPatternTests
{
    [Theory]
    [InlineData("user@example.com", "user@example.com", true)]
    [InlineData("user@example.com", "USER@Example.COM", true)]
    [InlineData("user@example.com", "user@example.com.evil", false)]
    [InlineData("*@example.com", "anyone@example.com", true)]
    [InlineData("*@example.com", "anyone@sub.example.com", false)]
    [InlineData("*@*.example.com", "anyone@sub.example.com", true)]
    [InlineData("*@example.com", "anyone@exampleXcom", false)]
    [InlineData("ops-*", "ops-team@x.example", true)]
    [InlineData(@"/^ops-\d+@example\.org$/", "ops-7@example.org", true)]
    [InlineData(@"/^ops-\d+@example\.org$/", "ops-x@example.org", false)]
    [InlineData("alice", "alice", true)]
    [InlineData("alice", "alice2", false)]
    public void Matches_exact_addresses_wildcards_and_regular_expressions_case_insensitively(string pattern, string address, bool expected)
    {
        Assert.True(AddressPattern.TryParse(pattern, out var parsed, out var error), error);
        Assert.Equal(expected, parsed.IsMatch(address));
        Assert.Equal(pattern, parsed.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("/[unclosed/")]
    public void Empty_patterns_and_invalid_regular_expressions_are_refused(string? pattern)
    {
        Assert.False(AddressPattern.TryParse(pattern, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void No_recipient_rules_accept_everyone_and_rules_accept_only_their_matches()
    {
        Assert.True(RecipientRules.AcceptAll.Accepts("anyone@anywhere.example"));
        Assert.True(RecipientRules.TryCreate(["a@x.example", "*@y.example"], out var rules, out _));
        Assert.True(rules.Accepts("a@x.example"));
        Assert.True(rules.Accepts("b@y.example"));
        Assert.False(rules.Accepts("b@x.example"));
    }
}
