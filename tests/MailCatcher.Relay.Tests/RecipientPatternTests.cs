using MailCatcher.Relay.Rules;

namespace MailCatcher.Relay.Tests;

public sealed class RecipientPatternTests
{
    [Theory]
    [InlineData("*@example.com", "qa@example.com", true)]
    [InlineData("*@example.com", "QA@EXAMPLE.COM", true)]
    [InlineData("*@example.com", "qa@example.com.evil.test", false)]
    [InlineData("*@example.com", "qa@sub.example.com", false)]
    [InlineData("example.com", "qa@example.com", true)]
    [InlineData("*.example.com", "qa@sub.example.com", true)]
    [InlineData("boss@example.com", "boss@example.com", true)]
    [InlineData("boss@example.com", "bossy@example.com", false)]
    [InlineData("qa+?@example.com", "qa+1@example.com", true)]
    [InlineData("qa+?@example.com", "qa+12@example.com", false)]
    [InlineData("a.b@example.com", "aXb@example.com", false)]
    public void Pattern_matches_whole_addresses_with_star_and_question_mark(string pattern, string address, bool matches) =>
        Assert.Equal(matches, new RecipientPattern(pattern).IsMatch(address));
}
