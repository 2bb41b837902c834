namespace MailCatcher.Core.Options;

/// <summary>IMAP server settings, bound from the <c>Imap</c> section. The port is read by the host (<c>Imap:Port</c>, <c>off</c> to disable).</summary>
public sealed class ImapOptions
{
    public const string Section = "Imap";

    /// <summary>RFC 3501 §5.4: an inactivity autologout timer of at least 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Most simultaneous IMAP connections.</summary>
    public int MaxConnections { get; set; } = 200;

    /// <summary>Longest command line (outside literals); RFC 7162 §4 asks clients to stay under 8,192 octets.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>Largest literal accepted in a command (APPEND is not supported, so commands stay small).</summary>
    public long MaxLiteral { get; set; } = 1024 * 1024;

    /// <summary>After this many BAD replies in a row the session is closed.</summary>
    public int MaxErrors { get; set; } = 20;
}
