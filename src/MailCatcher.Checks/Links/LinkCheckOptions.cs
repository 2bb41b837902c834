namespace MailCatcher.Checks.Links;

/// <summary>The bounds of a link check (a message is hostile input: it must not make MailCatcher a scanner).</summary>
public sealed record LinkCheckOptions
{
    /// <summary>At most this many URLs are requested per message; the rest are counted as skipped.</summary>
    public int MaxLinks { get; init; } = 100;

    /// <summary>At most this many requests at once.</summary>
    public int MaxConcurrency { get; init; } = 6;

    /// <summary>Per request, redirects included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Allows loopback, private and link-local addresses (<c>--checks-allow-private-links</c>); off by default.</summary>
    public bool AllowPrivateAddresses { get; init; }
}
