namespace MailCatcher.Core.Options;

/// <summary>SMTP listener settings, bound from the <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; } = 1025;

    /// <summary>The name the server gives in its greeting and EHLO reply.</summary>
    public string HostName { get; set; } = "mailcatcher.local";

    /// <summary>Largest message accepted, in bytes, advertised in EHLO SIZE (RFC 1870). 0 means no limit.</summary>
    public long MaxMessageSize { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most simultaneous SMTP connections; one more is answered 421 and closed.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Most recipients of one message; RFC 5321 §4.5.3.1.8 asks for at least 100.</summary>
    public int MaxRecipients { get; set; } = 1000;

    /// <summary>A session silent for this long is answered 421 4.4.2 and closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest line accepted inside DATA. RFC 5321 §4.5.3.1.6 allows 1,000 octets, but real
    /// clients send longer lines; those are accepted up to this limit and noted in the transcript.
    /// </summary>
    public int MaxDataLineLength { get; set; } = 1024 * 1024;

    /// <summary>After this many rejected commands in one session the server closes it (binary junk, port scanners).</summary>
    public int MaxErrors { get; set; } = 20;
}
