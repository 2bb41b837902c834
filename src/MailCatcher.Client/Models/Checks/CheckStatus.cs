namespace MailCatcher.Client.Models.Checks;

/// <summary>A check's verdict: skipped means it did not apply or is not configured; error means it could not run.</summary>
public enum CheckStatus
{
    /// <summary>Nothing wrong.</summary>
    Pass,
    /// <summary>Warn.</summary>
    Warn,
    /// <summary>Fail.</summary>
    Fail,
    /// <summary>Error.</summary>
    Error,
    /// <summary>Skipped.</summary>
    Skipped,
}
