namespace MailCatcher.Relay.Sending;

/// <summary>How one attempt ended, in the terms the queue acts on.</summary>
public enum RelayOutcome
{
    /// <summary>The relay accepted the message.</summary>
    Sent,

    /// <summary>A 4xx reply or no usable connection: try again later (RFC 5321 §4.2.1, §4.5.4.1).</summary>
    Transient,

    /// <summary>A 5xx reply, or a failure that trying again cannot fix: fail now and bounce.</summary>
    Permanent,
}

/// <summary>The result of one attempt: outcome, the relay's reply (code null when none came) and the masked transcript.</summary>
public sealed record RelayAttemptResult(RelayOutcome Outcome, int? Code, string Text, string Transcript);
