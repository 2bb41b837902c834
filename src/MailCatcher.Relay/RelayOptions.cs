namespace MailCatcher.Relay;

/// <summary>The real relay and the relay rules, bound from the <c>Relay</c> configuration section.</summary>
public sealed class RelayOptions
{
    public const string Section = "Relay";

    /// <summary>The relay's host name or address; empty means no relay is configured and nothing is ever sent.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public RelayTlsMode Tls { get; set; } = RelayTlsMode.Auto;

    /// <summary>User name for SMTP AUTH; empty means no AUTH.</summary>
    public string User { get; set; } = "";

    /// <summary>Password for SMTP AUTH. Never logged, recorded or returned.</summary>
    public string Password { get; set; } = "";

    /// <summary>Envelope sender (MAIL FROM) to use instead of the original one; empty keeps the original.</summary>
    public string From { get; set; } = "";

    /// <summary>Recipient patterns a release may go to; empty allows every recipient. See <c>RecipientPattern</c>.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>Recipient patterns whose messages are relayed as soon as they are captured; empty relays nothing.</summary>
    public List<string> Auto { get; set; } = [];

    /// <summary>Send automatic relays to this one address instead of the matching recipients.</summary>
    public string AutoTo { get; set; } = "";

    /// <summary>Prepend <c>Resent-From/-To/-Date/-Message-ID</c> (RFC 5322 §3.6.6) to released messages. Off: the bytes go out unchanged.</summary>
    public bool AddResentHeaders { get; set; }

    /// <summary>Waits between attempts after a temporary failure; the last one repeats. Empty means 1, 5, 15, 30, 60 minutes.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>Give up on an entry this long after it was queued (RFC 5321 §4.5.4.1 suggests 4–5 days; a test tool wants less).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Most entries sent at the same time.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Timeout for connecting and for each SMTP command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an instance's claim on an entry it is sending holds without renewal (issue 14:
    /// several instances on one database). The sender renews it every third of this while the
    /// attempt runs; an entry whose instance died mid-send is taken over once it runs out.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when a relay host is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
