namespace MailCatcher.Core.Options;

/// <summary>
/// TLS, AUTH, recipient and fault-injection settings of the SMTP listener, bound from the
/// <c>Smtp</c> configuration section next to <see cref="SmtpOptions"/>.
/// </summary>
public sealed class SmtpSecurityOptions
{
    public const string Section = "Smtp";

    /// <summary>Implicit-TLS SMTP port (RFC 8314); null keeps it off, 0 picks a free one.</summary>
    public int? SmtpsPort { get; set; }

    /// <summary>MAIL and AUTH before STARTTLS get 530 5.7.0 (RFC 3207 §4).</summary>
    public bool RequireTls { get; set; }

    public SmtpAuthMode Auth { get; set; } = SmtpAuthMode.Any;

    /// <summary>AUTH before TLS gets 538 5.7.11 (RFC 4954 §6).</summary>
    public bool AuthRequireTls { get; set; }

    /// <summary>Known users as <c>name:password</c>; with any, wrong credentials get 535 5.7.8.</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>A file with one <c>name:password</c> a line (blank lines and <c>#</c> comments skipped).</summary>
    public string? UsersFile { get; set; }

    /// <summary>
    /// Recipients that exist: an exact address, <c>*@domain</c> (<c>*</c> matches anything), or a
    /// regular expression between slashes. With any set, other recipients get 550 5.1.1.
    /// </summary>
    public List<string> AcceptedRecipients { get; set; } = [];

    /// <summary>Fault-injection rules as objects (appsettings.json).</summary>
    public List<FaultRuleSettings> Faults { get; set; } = [];

    /// <summary>Fault-injection rules in their one-line form (<c>--smtp-fault</c>), e.g. <c>rcpt *@flaky.test 50% 451 4.3.0 Try again later</c>.</summary>
    public List<string> FaultRules { get; set; } = [];
}
