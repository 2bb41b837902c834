namespace MailCatcher.Relay.Sending;

/// <summary>How one attempt ended, in the terms the queue acts on.</summary>
public enum RelayOutcome
{
    /// <summary>The relay accepted the message, for every recipient or (see <see cref="RelayAttemptResult.Rejected"/>) for some.</summary>
    Sent,

    /// <summary>A 4xx reply or no usable connection: try again later (RFC 5321 §4.2.1, §4.5.4.1).</summary>
    Transient,

    /// <summary>A 5xx reply, or a failure that trying again cannot fix: fail now and bounce.</summary>
    Permanent,
}

/// <summary>
/// The result of one attempt: outcome, the relay's reply (code null when none came), the masked
/// transcript, and the recipients the relay refused at RCPT while it took the others (RFC 5321
/// §3.3: the message is delivered to the recipients that were accepted).
/// </summary>
public sealed record RelayAttemptResult(RelayOutcome Outcome, int? Code, string Text, string Transcript)
{
    public IReadOnlyList<RejectedRecipient> Rejected { get; init; } = [];
}

/// <summary>A recipient the relay refused, with its RCPT reply.</summary>
public sealed record RejectedRecipient(string Address, int Code, string Text)
{
    /// <summary>RFC 5321 §4.2.1: a 4yz reply is transient, worth another try.</summary>
    public bool IsTransient => Code is >= 400 and < 500;
}
