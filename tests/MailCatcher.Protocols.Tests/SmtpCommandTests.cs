using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Protocols.Tests;

public sealed class SmtpCommandTests
{
    [Theory]
    [InlineData("EHLO client.test", SmtpVerb.Ehlo, "client.test")]
    [InlineData("ehlo client.test", SmtpVerb.Ehlo, "client.test")]
    [InlineData("MAIL FROM:<a@b.test> SIZE=10", SmtpVerb.Mail, "FROM:<a@b.test> SIZE=10")]
    [InlineData("DATA", SmtpVerb.Data, "")]
    [InlineData("QUIT  ", SmtpVerb.Quit, "")]
    [InlineData("FROB x", SmtpVerb.Unknown, "x")]
    [InlineData("", SmtpVerb.Unknown, "")]
    public void Splits_verb_and_arguments(string line, SmtpVerb verb, string arguments)
    {
        var command = SmtpCommand.Parse(line);

        Assert.Equal(verb, command.Verb);
        Assert.Equal(arguments, command.Arguments);
    }

    [Theory]
    [InlineData(SmtpVerb.Mail, SmtpState.Connected, false)]
    [InlineData(SmtpVerb.Mail, SmtpState.Ready, true)]
    [InlineData(SmtpVerb.Mail, SmtpState.HaveSender, false)]
    [InlineData(SmtpVerb.Rcpt, SmtpState.Ready, false)]
    [InlineData(SmtpVerb.Rcpt, SmtpState.HaveRecipients, true)]
    [InlineData(SmtpVerb.Data, SmtpState.HaveSender, false)]
    [InlineData(SmtpVerb.Data, SmtpState.InBdat, false)]
    [InlineData(SmtpVerb.Bdat, SmtpState.InBdat, true)]
    [InlineData(SmtpVerb.Ehlo, SmtpState.HaveRecipients, true)]
    [InlineData(SmtpVerb.Quit, SmtpState.InBdat, true)]
    public void Rfc5321_4_1_4_state_table(SmtpVerb verb, SmtpState state, bool allowed)
    {
        Assert.Equal(allowed, SmtpStateTable.IsAllowed(verb, state, out _));
    }
}
