namespace MailCatcher.Core.Options;

/// <summary>
/// One fault-injection rule as configured or sent to <c>PUT /api/v1/faults</c>. The SMTP layer
/// validates it; this is only its shape.
/// </summary>
public sealed class FaultRuleSettings
{
    /// <summary><c>connect</c>, <c>ehlo</c>, <c>mail</c>, <c>rcpt</c>, <c>data</c> (end of content) or <c>auth</c>.</summary>
    public string Stage { get; set; } = "";

    /// <summary>Only when this address (or user name, for AUTH) matches: exact, <c>*@domain</c> or <c>/regex/</c>.</summary>
    public string? Address { get; set; }

    /// <summary>Chance of firing, 0 to 100.</summary>
    public int Probability { get; set; } = 100;

    /// <summary><c>reply</c>, <c>delay</c> or <c>drop</c>.</summary>
    public string Action { get; set; } = "reply";

    /// <summary>For <c>reply</c>: the 4xx or 5xx code.</summary>
    public int? Code { get; set; }

    /// <summary>For <c>reply</c>: the text after the code, e.g. <c>4.3.0 Try again later</c>.</summary>
    public string? Text { get; set; }

    /// <summary>For <c>delay</c>: how long, e.g. <c>2s</c>, <c>500ms</c> or <c>00:00:02</c>.</summary>
    public string? Delay { get; set; }
}
