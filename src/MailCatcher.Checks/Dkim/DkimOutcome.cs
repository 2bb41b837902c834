namespace MailCatcher.Checks.Dkim;

/// <summary>The verdict on one signature (RFC 8601 §2.7.1 names: pass, fail, neutral for no key, permerror for a broken signature).</summary>
public enum DkimOutcome
{
    Pass,
    Fail,

    /// <summary>No public key to check against (offline, or no DNS record).</summary>
    NoKey,

    /// <summary>The signature header itself is broken (missing tags, unknown algorithm, expired).</summary>
    Invalid,
}
