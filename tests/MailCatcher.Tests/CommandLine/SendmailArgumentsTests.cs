using MailCatcher.CommandLine;

namespace MailCatcher.Tests.CommandLine;

/// <summary>The command lines real callers build (sendmail(8) and Postfix sendmail(1) option syntax).</summary>
public sealed class SendmailArgumentsTests
{
    [Theory]
    [InlineData("-t -i", true, true, null)]                       // PHP's default sendmail_path
    [InlineData("-ti", true, true, null)]                         // grouped switches
    [InlineData("-oi -t", true, true, null)]
    [InlineData("-i -f dev@example.com", false, true, "dev@example.com")]   // git send-email
    [InlineData("-fdev@example.com -odi -oem -U", false, false, "dev@example.com")]
    [InlineData("-r dev@example.com -N never -B 8BITMIME -O DeliveryMode=b", false, false, "dev@example.com")]
    [InlineData("-it -Fdev -fdev@example.com", true, true, "dev@example.com")]
    public void Options_callers_use_are_understood_or_accepted(string commandLine, bool fromHeaders, bool ignoreDots, string? sender)
    {
        var arguments = SendmailArguments.Parse(commandLine.Split(' '), null);

        Assert.Equal(fromHeaders, arguments.RecipientsFromHeaders);
        Assert.Equal(ignoreDots, arguments.IgnoreDots);
        Assert.Equal(sender, arguments.Sender);
        Assert.Empty(arguments.Recipients);
    }

    [Fact]
    public void Recipients_are_the_arguments_that_are_not_options_and_everything_after_a_double_dash()
    {
        var arguments = SendmailArguments.Parse(["ann@example.com", "-i", "bob@example.com", "--", "-odd@example.com"], null);

        Assert.Equal(["ann@example.com", "bob@example.com", "-odd@example.com"], arguments.Recipients);
    }

    [Theory]
    [InlineData(new[] { "--smtp-addr", "127.0.0.1:2525" }, null, "127.0.0.1:2525")]
    [InlineData(new[] { "--smtp-addr=[::1]:2525" }, "10.0.0.1:25", "[::1]:2525")]
    [InlineData(new string[0], "mail.test:2525", "mail.test:2525")]
    [InlineData(new string[0], null, "127.0.0.1:1025")]
    public void The_server_comes_from_the_flag_then_the_environment_then_the_default(string[] args, string? environment, string expected) =>
        Assert.Equal(expected, SendmailArguments.Parse(args, environment).SmtpAddress);

    [Theory]
    [InlineData("-bs")]
    [InlineData("-bp")]
    [InlineData("-k")]
    [InlineData("-f")]
    [InlineData("--smtp-addr")]
    public void Modes_and_options_it_cannot_honour_are_usage_errors(string arg)
    {
        var error = Assert.Throws<SendmailException>(() => SendmailArguments.Parse([arg], null));

        Assert.Equal(SendmailExitCodes.Usage, error.ExitCode);
    }

    [Theory]
    [InlineData("127.0.0.1:1025", "127.0.0.1", 1025)]
    [InlineData("[::1]:2525", "::1", 2525)]
    [InlineData("localhost:25", "localhost", 25)]
    public void An_smtp_address_is_host_and_port(string address, string host, int port) =>
        Assert.Equal((host, port), SendmailSmtpClient.ParseAddress(address));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData(":25")]
    [InlineData("host:0")]
    [InlineData("host:http")]
    public void A_bad_smtp_address_is_a_usage_error(string address) =>
        Assert.Equal(SendmailExitCodes.Usage, Assert.Throws<SendmailException>(() => SendmailSmtpClient.ParseAddress(address)).ExitCode);
}
