namespace MailCatcher.Checks;

/// <summary>How much one finding of a check matters.</summary>
public enum CheckSeverity
{
    /// <summary>A rule that was checked and is met: shown so a reader sees what was looked at.</summary>
    Pass,

    /// <summary>A fact with no judgement (a spam rule worth 0 points, a signature's details).</summary>
    Info,

    /// <summary>Worth a look; may be deliberate.</summary>
    Warn,

    /// <summary>Breaks a client, a rule or a signature.</summary>
    Fail,
}
