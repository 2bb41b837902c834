using System.Text;
using MailCatcher.Core.Options;
using MailCatcher.Hosting;
using Microsoft.Extensions.Configuration;

namespace MailCatcher.Tests.Security;

/// <summary>The same settings from appsettings.json as from flags, and clear errors for bad values.</summary>
public sealed class SecurityConfigurationTests
{
    [Fact]
    public void Fault_rules_users_and_recipients_bind_from_appsettings_json()
    {
        const string Json = """
            {
              "Smtp": {
                "Auth": "required",
                "Users": [ "alice:pw" ],
                "AcceptedRecipients": [ "*@team.example" ],
                "Faults": [
                  { "Stage": "rcpt", "Address": "*@flaky.test", "Probability": 50, "Action": "reply", "Code": 451, "Text": "4.3.0 Try again later" },
                  { "Stage": "connect", "Action": "delay", "Delay": "1s" }
                ]
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();

        var policy = SmtpSecuritySetup.CreatePolicy(configuration);

        Assert.Equal(SmtpAuthMode.Required, policy.AuthMode);
        Assert.True(policy.Users.CheckPassword("alice", "pw"));
        Assert.False(policy.Users.CheckPassword("alice", "nope"));
        Assert.True(policy.Recipients.Accepts("bob@team.example"));
        Assert.False(policy.Recipients.Accepts("bob@other.example"));
        Assert.Equal(
            ["rcpt *@flaky.test 50%: reply 451 4.3.0 Try again later", "connect 100%: delay 1000ms"],
            policy.Faults.Rules.Select(r => r.ToString()));
        Assert.Null(policy.Tls.Certificate);
    }

    [Fact]
    public void An_invalid_fault_rule_in_appsettings_names_its_position()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Faults:0:Stage"] = "rcpt",
            ["Smtp:Faults:0:Action"] = "reply",
            ["Smtp:Faults:0:Code"] = "200",
            ["Smtp:Faults:0:Text"] = "ok",
        }).Build();

        var error = Assert.Throws<StartupException>(() => SmtpSecuritySetup.CreatePolicy(configuration));
        Assert.Equal("Smtp:Faults:0: a reply needs a code from 400 to 599.", error.Message);
    }

    [Fact]
    public async Task An_unknown_AUTH_mode_stops_startup()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => SecureHost.StartAsync("--smtp-auth", "maybe"));
        Assert.Contains("Smtp:Auth", error.Message);
        Assert.EndsWith("Run with --help to see what each option takes.", error.Message);
    }

    [Fact]
    public async Task Requiring_TLS_without_a_certificate_stops_startup()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => SecureHost.StartAsync("--smtp-require-tls"));
        Assert.StartsWith("--smtp-require-tls and --smtp-auth-require-tls need a certificate", error.Message);
    }
}
