namespace MailCatcher.Checks;

/// <summary>How one check came out, see <see cref="CheckStatuses.Worst"/> for their order.</summary>
public enum CheckStatus
{
    /// <summary>Nothing wrong was found.</summary>
    Pass,

    /// <summary>Something a person should look at, which may be deliberate.</summary>
    Warn,

    /// <summary>Something that breaks a client, a rule or a signature.</summary>
    Fail,

    /// <summary>The check could not run (spamd unreachable, the HTML unparsable).</summary>
    Error,

    /// <summary>The check did not apply or is not configured (no HTML, no spamd).</summary>
    Skipped,
}
