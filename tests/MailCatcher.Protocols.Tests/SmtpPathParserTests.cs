using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Protocols.Tests;

/// <summary>RFC 5321 §4.1.2 paths and parameters; RFC 6531 UTF-8 mailboxes.</summary>
public sealed class SmtpPathParserTests
{
    [Theory]
    [InlineData("FROM:<a@b.test>", "a@b.test")]
    [InlineData("from:<a@b.test>", "a@b.test")]
    [InlineData("FROM: <a@b.test>", "a@b.test")]
    [InlineData("FROM:a@b.test", "a@b.test")]
    [InlineData("FROM:<>", "")]
    [InlineData("FROM:<@r1.test,@r2.test:a@b.test>", "a@b.test")]
    [InlineData("FROM:<\"a >b\"@c.test>", "\"a >b\"@c.test")]
    [InlineData("FROM:<jörg@bücher.example>", "jörg@bücher.example")]
    [InlineData("FROM:<a@[127.0.0.1]>", "a@[127.0.0.1]")]
    public void Accepts_valid_reverse_paths(string arguments, string expected)
    {
        Assert.True(SmtpPathParser.TryParseMailFrom(arguments, out var path, out var error), error);
        Assert.Equal(expected, path.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FROM")]
    [InlineData("FROM:<a@b.test")]
    [InlineData("FROM:<a@b.test>SIZE=1")]
    [InlineData("FROM:<ab.test>")]
    [InlineData("FROM:<a@>")]
    [InlineData("FROM:<@b.test>")]
    [InlineData("FROM:<a..b@c.test>")]
    [InlineData("FROM:<a@b_c!.test>")]
    [InlineData("FROM:<a@b.test> =x")]
    public void Rejects_malformed_reverse_paths_with_a_reason(string arguments)
    {
        Assert.False(SmtpPathParser.TryParseMailFrom(arguments, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Parses_parameters_case_insensitively()
    {
        Assert.True(SmtpPathParser.TryParseMailFrom("FROM:<a@b.test> size=100 BODY=8BITMIME smtputf8", out var path, out _));

        Assert.Equal("100", path.Parameters["SIZE"]);
        Assert.Equal("8BITMIME", path.Parameters["BODY"]);
        Assert.True(path.Parameters.ContainsKey("SMTPUTF8"));
        Assert.Null(path.Parameters["SMTPUTF8"]);
    }

    [Theory]
    [InlineData("TO:<Postmaster>", "Postmaster")]
    [InlineData("TO:<用户@例子.广告>", "用户@例子.广告")]
    public void Accepts_postmaster_and_UTF8_forward_paths(string arguments, string expected)
    {
        Assert.True(SmtpPathParser.TryParseRcptTo(arguments, out var path, out var error), error);
        Assert.Equal(expected, path.Address);
    }

    [Theory]
    [InlineData("TO:<>")]
    [InlineData("FROM:<a@b.test>")]
    public void Rejects_a_null_or_misnamed_forward_path(string arguments)
    {
        Assert.False(SmtpPathParser.TryParseRcptTo(arguments, out _, out _));
    }
}
