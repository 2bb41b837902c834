namespace MailCatcher.CommandLine;

/// <summary>
/// Every flag MailCatcher accepts. Each one is only a shorthand for a configuration key, so
/// appsettings.json and <c>MAILCATCHER_Section__Key</c> environment variables reach the same settings.
/// </summary>
internal static class CommandLineFlags
{
    public static IReadOnlyList<CommandLineFlag> All { get; } =
    [
        new("--ip", "Ip", "127.0.0.1", "Address every listener binds to (0.0.0.0 for all interfaces)"),
        new("--http-port", "Http:Port", "1080", "Web UI and REST API port (0 = any free port)"),
        new("--smtp-port", "Smtp:Port", "1025", "SMTP port (0 = any free port)"),
        new("--hostname", "Smtp:HostName", "mailcatcher.local", "Name the server gives in its SMTP greeting"),
        new("--max-message-size", "Smtp:MaxMessageSize", "52428800", "Largest message accepted, in bytes (0 = no limit)"),
        new("--smtp-max-connections", "Smtp:MaxConnections", "1000", "Most simultaneous SMTP connections"),
        new("--smtp-idle-timeout", "Smtp:IdleTimeout", "00:05:00", "Close an SMTP session silent this long (hh:mm:ss)"),
        new("--db", "Storage:Database", "<local app data>/MailCatcher/mailcatcher.db", "SQLite database file; :memory: keeps nothing after exit"),
        new("--max-messages", "Storage:MaxMessages", "10000", "Keep the newest N messages (0 = no limit)"),
        // Release to a real relay (issue 6); nothing is relayed unless a user or a --relay-auto rule asks.
        new("--relay-host", "Relay:Host", "(none: release is off)", "Real SMTP relay that released messages are sent through"),
        new("--relay-port", "Relay:Port", "25", "Relay port"),
        new("--relay-tls", "Relay:Tls", "auto", "none, starttls, implicit, or auto (STARTTLS when offered)"),
        new("--relay-user", "Relay:User", "(none)", "User name for AUTH at the relay"),
        new("--relay-password", "Relay:Password", "(none)", "Password for AUTH at the relay (or MAILCATCHER_Relay__Password); never logged or shown"),
        new("--relay-from", "Relay:From", "(the original sender)", "Envelope sender (MAIL FROM) to use at the relay"),
        new("--relay-allow", "Relay:Allow", "(any recipient)", "Recipient pattern a release may go to: a@example.com, *@example.com, example.com", IsRepeatable: true),
        new("--relay-auto", "Relay:Auto", "(none)", "Relay every captured message to its recipients matching this pattern", IsRepeatable: true),
        new("--relay-auto-to", "Relay:AutoTo", "(the matching recipients)", "Send automatically relayed messages to this address instead"),
        new("--relay-resent-headers", "Relay:AddResentHeaders", "false", "Add Resent-* fields to relayed messages (off: the bytes go out unchanged)", IsSwitch: true),
        new("--relay-retry", "Relay:RetrySchedule", "00:01:00 00:05:00 00:15:00 00:30:00 01:00:00", "Wait before the next try after a temporary failure (hh:mm:ss; the last repeats)", IsRepeatable: true),
        new("--relay-give-up", "Relay:GiveUpAfter", "1.00:00:00", "Fail and bounce an entry not delivered within this time (d.hh:mm:ss)"),
        new("--relay-concurrency", "Relay:MaxConcurrency", "4", "Most messages sent to the relay at the same time"),
    ];
}
