using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp.Faults;

namespace MailCatcher.Protocols.Tests.Smtp;

public sealed class FaultRuleParserTests
{
    private static FaultRule Rule(string text)
    {
        Assert.True(FaultRuleParser.TryParse(text, out var settings, out var error), error);
        Assert.True(FaultRule.TryCreate(settings, out var rule, out error), error);
        return rule;
    }

    [Fact]
    public void The_issues_example_reads_as_a_RCPT_reply_at_50_percent()
    {
        var rule = Rule("rcpt *@flaky.test 50% 451 4.3.0 Try again later");
        Assert.Equal(FaultStage.Rcpt, rule.Stage);
        Assert.Equal("*@flaky.test", rule.Address!.Text);
        Assert.Equal(50, rule.Probability);
        Assert.Equal(FaultAction.Reply, rule.Action);
        Assert.Equal(["451 4.3.0 Try again later"], rule.Reply!.WireLines());
        Assert.Equal("rcpt *@flaky.test 50%: reply 451 4.3.0 Try again later", rule.ToString());
    }

    [Theory]
    [InlineData("connect drop", FaultStage.Connect, FaultAction.Drop, 100)]
    [InlineData("EHLO 10% 554 5.7.1 No", FaultStage.Ehlo, FaultAction.Reply, 10)]
    [InlineData("mail /^bounce-/ 0% drop", FaultStage.Mail, FaultAction.Drop, 0)]
    [InlineData("data delay 1.5s", FaultStage.Data, FaultAction.Delay, 100)]
    [InlineData("auth alice 454 4.7.0 Temporary authentication failure", FaultStage.Auth, FaultAction.Reply, 100)]
    public void Every_stage_and_action_has_a_one_line_form(string text, FaultStage stage, FaultAction action, int probability)
    {
        var rule = Rule(text);
        Assert.Equal(stage, rule.Stage);
        Assert.Equal(action, rule.Action);
        Assert.Equal(probability, rule.Probability);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("1m", 60_000)]
    [InlineData("00:00:03", 3000)]
    public void Durations_read_in_milliseconds_seconds_minutes_or_as_a_time_span(string text, int milliseconds)
    {
        Assert.True(FaultRule.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rcpt")]
    [InlineData("rcpt *@x")]
    [InlineData("rcpt *@x 50%")]
    [InlineData("rcpt *@x 50% 451")]
    [InlineData("rcpt *@x 50% delay")]
    [InlineData("rcpt *@x 50% drop now")]
    [InlineData("rcpt x% drop")]
    [InlineData("rcpt 101% drop")]
    [InlineData("rcpt 250 2.0.0 fine")]
    [InlineData("quit drop")]
    [InlineData("connect *@x drop")]
    [InlineData("data delay 11m")]
    [InlineData("data delay -1s")]
    public void Incomplete_or_invalid_rules_are_refused_with_a_reason(string text)
    {
        Assert.False(FaultRuleParser.TryParse(text, out var settings, out var error));
        Assert.Null(settings);
        Assert.StartsWith($"'{text}': ", error);
    }

    [Fact]
    public void Every_truncated_prefix_of_a_rule_is_either_refused_or_a_valid_rule()
    {
        const string Text = "rcpt *@flaky.test 50% 451 4.3.0 Try again later";
        for (var length = 0; length <= Text.Length; length++)
        {
            var prefix = Text[..length];
            if (FaultRuleParser.TryParse(prefix, out var settings, out _))
            {
                Assert.True(FaultRule.TryCreate(settings, out _, out var error), $"'{prefix}': {error}");
            }
        }
    }

    [Fact]
    public void Settings_round_trip_through_a_rule()
    {
        var settings = new FaultRuleSettings { Stage = "Data", Address = "*@x.example", Probability = 25, Action = "Delay", Delay = "250ms" };
        Assert.True(FaultRule.TryCreate(settings, out var rule, out _));
        var back = rule.ToSettings();
        Assert.Equal(("data", "*@x.example", 25, "delay", "250ms"), (back.Stage, back.Address, back.Probability, back.Action, back.Delay));
        Assert.Null(back.Code);
    }

    [Fact]
    public void Numbers_are_not_stage_or_action_names()
    {
        Assert.False(FaultRule.TryCreate(new FaultRuleSettings { Stage = "2", Action = "drop" }, out _, out _));
        Assert.False(FaultRule.TryCreate(new FaultRuleSettings { Stage = "rcpt", Action = "1" }, out _, out _));
    }
}
