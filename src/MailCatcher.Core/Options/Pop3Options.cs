namespace MailCatcher.Core.Options;

/// <summary>POP3 server settings, bound from the <c>Pop3</c> section. The port is read by the host (<c>Pop3:Port</c>, <c>off</c> to disable).</summary>
public sealed class Pop3Options
{
    public const string Section = "Pop3";

    /// <summary>The name in the greeting and in the APOP timestamp.</summary>
    public string HostName { get; set; } = "mailcatcher.local";

    /// <summary>RFC 1939 §3: an inactivity autologout timer of at least 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most simultaneous POP3 connections.</summary>
    public int MaxConnections { get; set; } = 200;

    /// <summary>After this many rejected commands the session is closed.</summary>
    public int MaxErrors { get; set; } = 20;
}
