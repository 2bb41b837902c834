using MailCatcher.Checks.SenderRules;
using MimeKit;

namespace MailCatcher.Checks.Tests.SenderRules;

public sealed class SenderRulesCheckTests
{
    private static CheckItem Item(MimeMessage message, string what) => Assert.Single(SenderRulesCheck.Check(message).Items, i => i.What == what);

    [Fact]
    public void A_well_formed_transactional_message_passes_every_rule()
    {
        var result = SenderRulesCheck.Check(TestMessages.Good());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.All(result.Items, i => Assert.Equal(CheckSeverity.Pass, i.Severity));
        Assert.Contains("pass", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From header")]
    [InlineData("Date header")]
    [InlineData("Message-ID header")]
    public void RFC5322_3_6_a_missing_required_header_fails_with_a_sentence(string what)
    {
        var message = TestMessages.Parse("To: a@example.com\nSubject: x\n\nbody\n");

        var item = Item(message, what);

        Assert.Equal(CheckSeverity.Fail, item.Severity);
        Assert.Contains("no ", item.Why, StringComparison.Ordinal);
        Assert.NotNull(item.Fix);
    }

    [Theory]
    [InlineData("Message-ID: no-brackets@example.com", "Message-ID header")]
    [InlineData("Message-ID: <no-at-sign>", "Message-ID header")]
    [InlineData("Date: yesterday at noon", "Date header")]
    [InlineData("From: not an address", "From header")]
    public void RFC5322_malformed_headers_fail(string header, string what)
    {
        var defaults = new Dictionary<string, string>
        {
            ["From"] = "From: a@example.com", ["Date"] = "Date: Tue, 1 Jul 2025 10:00:00 +0000", ["Message-ID"] = "Message-ID: <1@example.com>",
        };
        defaults[header.Split(':')[0]] = header;
        var message = TestMessages.Parse(string.Join("\n", defaults.Values) + "\nSubject: x\n\nbody\n");

        Assert.Equal(CheckSeverity.Fail, Item(message, what).Severity);
    }

    [Fact]
    public void RFC8058_bulk_mail_without_list_unsubscribe_fails()
    {
        var message = TestMessages.Parse("From: news@shop.example\nDate: Tue, 1 Jul 2025 10:00:00 +0000\nMessage-ID: <1@shop.example>\nPrecedence: bulk\n\nNews\n");

        var item = Item(message, "One-click unsubscribe");

        Assert.Equal(CheckSeverity.Fail, item.Severity);
        Assert.Contains("Precedence: bulk", item.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void RFC8058_an_https_uri_without_the_post_header_fails_and_with_it_passes()
    {
        const string head = "From: news@shop.example\nDate: Tue, 1 Jul 2025 10:00:00 +0000\nMessage-ID: <1@shop.example>\nList-Id: <news.shop.example>\nList-Unsubscribe: <mailto:u@shop.example>, <https://shop.example/u?id=1>\n";
        var without = TestMessages.Parse(head + "\nNews\n");
        var with = TestMessages.Parse(head + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nNews\n");

        Assert.Equal(CheckSeverity.Fail, Item(without, "One-click unsubscribe").Severity);
        Assert.Contains("List-Unsubscribe-Post", Item(without, "One-click unsubscribe").Why, StringComparison.Ordinal);
        var pass = Item(with, "One-click unsubscribe");
        Assert.Equal(CheckSeverity.Pass, pass.Severity);
        Assert.Contains("https://shop.example/u?id=1", pass.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsubscribe_link_in_the_body_makes_the_message_bulk()
    {
        var message = TestMessages.Good("<p>News</p><a href=\"https://x.example/u\">Unsubscribe</a>");

        Assert.Equal(CheckSeverity.Fail, Item(message, "One-click unsubscribe").Severity);
    }

    [Fact]
    public void Html_without_a_text_part_warns()
    {
        var message = TestMessages.Parse("From: a@example.com\nContent-Type: text/html\n\n<p>Hi</p>\n");

        Assert.Equal(CheckSeverity.Warn, Item(message, "Text part").Severity);
    }

    [Fact]
    public void Images_without_alt_warn_with_their_lines()
    {
        var message = TestMessages.Good("<p>a</p>\n<img src=\"a.png\">\n<img src=\"b.png\" alt=\"\">\n<img src=\"c.png\">");

        var item = Item(message, "Image alt text");

        Assert.Equal(CheckSeverity.Warn, item.Severity);
        Assert.StartsWith("2 of 3 images", item.Why, StringComparison.Ordinal);
        Assert.Equal("lines 2, 4", item.Location);
    }

    [Fact]
    public void Html_over_102_KB_warns_that_Gmail_clips_it()
    {
        var message = TestMessages.Good("<p>" + new string('x', 103 * 1024) + "</p>");

        var item = Item(message, "HTML size");

        Assert.Equal(CheckSeverity.Warn, item.Severity);
        Assert.Contains("clips", item.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void RFC2047_raw_8bit_header_bytes_warn_but_encoded_words_pass()
    {
        var raw = TestMessages.Parse("From: a@example.com\nDate: Tue, 1 Jul 2025 10:00:00 +0000\nMessage-ID: <1@x.example>\nSubject: Grüße\n\nx\n");
        var encoded = TestMessages.Parse("From: a@example.com\nDate: Tue, 1 Jul 2025 10:00:00 +0000\nMessage-ID: <1@x.example>\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\n\nx\n");
        var unknownCharset = TestMessages.Parse("From: a@example.com\nSubject: =?x-no-such-charset?Q?abc?=\n\nx\n");

        var rawItem = Item(raw, "Header encoding");
        Assert.Equal(CheckSeverity.Warn, rawItem.Severity);
        Assert.Equal("Subject", rawItem.Location);
        Assert.Equal(CheckSeverity.Pass, Item(encoded, "Header encoding").Severity);
        Assert.Equal(CheckSeverity.Warn, Item(unknownCharset, "Header encoding").Severity);
    }

    [Theory]
    [InlineData("invoice.pdf.exe")]
    [InlineData("setup.msi")]
    [InlineData("report.docm")]
    public void Dangerous_attachment_types_fail(string fileName)
    {
        var builder = new BodyBuilder { TextBody = "see attached" };
        builder.Attachments.Add(fileName, [1, 2, 3]);
        var message = new MimeMessage { Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("a@example.com"));

        var item = Item(TestMessages.Reparse(message), "Attachment types");

        Assert.Equal(CheckSeverity.Fail, item.Severity);
        Assert.Contains(fileName, item.Why, StringComparison.Ordinal);
    }
}
