namespace MailCatcher.Checks;

/// <summary>Message checks settings (configuration section <c>Checks</c>, issue 15).</summary>
public sealed class ChecksOptions
{
    public const string Section = "Checks";

    /// <summary>spamd's HOST:PORT (<c>--spamassassin</c>); empty or "off" leaves the spam check off.</summary>
    public string? SpamAssassin { get; set; }

    /// <summary>How long spamd may take for one message.</summary>
    public TimeSpan SpamAssassinTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Offline DKIM keys as <c>selector._domainkey.domain=PATH</c> (<c>--dkim-key</c>, repeatable).</summary>
    public List<string> DkimKeys { get; set; } = [];

    /// <summary>Lets the link check connect to loopback, private and link-local addresses (<c>--checks-allow-private-links</c>).</summary>
    public bool AllowPrivateLinks { get; set; }

    /// <summary>At most this many URLs are requested per link check.</summary>
    public int MaxLinks { get; set; } = 100;

    /// <summary>Timeout of one link request.</summary>
    public TimeSpan LinkTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
