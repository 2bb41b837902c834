using MailCatcher.Core.Mime;

namespace MailCatcher.Core.Tests;

public sealed class CodeExtractorTests
{
    private static List<string> Codes(string? subject, string? text, string? html = null)
        => [.. CodeExtractor.Extract(subject, text, html).Select(c => c.Code)];

    [Fact]
    public void Six_digits_after_the_word_code()
    {
        var codes = CodeExtractor.Extract("Welcome", "Hello Ann,\n\nYour verification code is 482913.\nIt expires in 10 minutes.", null);
        var best = codes[0];
        Assert.Equal("482913", best.Code);
        Assert.Contains("verification code is 482913", best.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void The_code_beats_years_amounts_times_and_order_numbers()
    {
        var text = "Order #55123 of 2026-11-28 at 14:30, total $1999.\nYour one-time PIN: 7731\n© 2026 Example";
        Assert.Equal(["7731"], Codes("Receipt", text));
    }

    [Fact]
    public void Grouped_digits_and_capital_tokens_near_a_keyword()
    {
        Assert.Equal("123-456", Codes(null, "Use code 123-456 to sign in.")[0]);
        Assert.Equal("K7Q2XZ", Codes(null, "Your OTP: K7Q2XZ")[0]);
    }

    [Fact]
    public void Html_only_message_and_code_in_subject()
    {
        Assert.Equal("905112", Codes(null, null, "<p>Your login code:</p><p><strong>905112</strong></p>")[0]);
        Assert.Equal("318274", Codes("318274 is your Example code", "")[0]);
    }

    [Fact]
    public void Digits_in_links_and_addresses_are_not_codes()
    {
        Assert.Empty(Codes("Hello", "Visit https://example.com/track/123456789 or write to user123456@example.com. Code words here."));
    }

    [Fact]
    public void A_message_without_codes_has_none()
    {
        Assert.Empty(Codes("Lunch", "See you at noon in room 12. Bring 3 friends."));
    }
}
