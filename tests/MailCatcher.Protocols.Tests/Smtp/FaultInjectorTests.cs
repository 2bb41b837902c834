using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp.Faults;

namespace MailCatcher.Protocols.Tests.Smtp;

public sealed class FaultInjectorTests
{
    private static FaultRule Rule(string stage, string? address, int probability, int code)
    {
        var settings = new FaultRuleSettings { Stage = stage, Address = address, Probability = probability, Code = code, Text = "x" };
        Assert.True(FaultRule.TryCreate(settings, out var rule, out var error), error);
        return rule;
    }

    [Fact]
    public void The_first_rule_for_the_stage_and_address_fires()
    {
        var injector = new FaultInjector([Rule("rcpt", "*@a.example", 100, 451), Rule("rcpt", null, 100, 550), Rule("mail", null, 100, 421)]);
        Assert.Equal(451, injector.Roll(FaultStage.Rcpt, "x@a.example")!.Reply!.Code);
        Assert.Equal(550, injector.Roll(FaultStage.Rcpt, "x@b.example")!.Reply!.Code);
        Assert.Equal(421, injector.Roll(FaultStage.Mail, "x@b.example")!.Reply!.Code);
        Assert.Null(injector.Roll(FaultStage.Data, "x@b.example"));
    }

    [Fact]
    public void A_rule_with_an_address_fires_when_any_address_matches()
    {
        var injector = new FaultInjector([Rule("data", "victim@x.example", 100, 554)]);
        Assert.NotNull(injector.Roll(FaultStage.Data, "from@x.example", "a@x.example", "victim@x.example"));
        Assert.Null(injector.Roll(FaultStage.Data, "from@x.example", "a@x.example"));
    }

    [Fact]
    public void At_0_percent_a_rule_never_fires_and_at_100_it_always_does()
    {
        var never = new FaultInjector([Rule("rcpt", null, 0, 451)]);
        var always = new FaultInjector([Rule("rcpt", null, 100, 451)]);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Null(never.Roll(FaultStage.Rcpt, "a@x.example"));
            Assert.NotNull(always.Roll(FaultStage.Rcpt, "a@x.example"));
        }
    }

    [Fact]
    public void Replacing_the_rules_takes_effect_at_once()
    {
        var injector = new FaultInjector();
        Assert.Null(injector.Roll(FaultStage.Connect));
        injector.Replace([Rule("connect", null, 100, 421)]);
        Assert.NotNull(injector.Roll(FaultStage.Connect));
        injector.Replace([]);
        Assert.Empty(injector.Rules);
    }
}
