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
        // POP3 and IMAP (issue 7); users come from Smtp:Users ("name:password" entries).
        new("--pop3-port", "Pop3:Port", "1110", "POP3 port (0 = any free port, off = no POP3)"),
        new("--imap-port", "Imap:Port", "1143", "IMAP port (0 = any free port, off = no IMAP)"),
        new("--mailbox-per-user", "Mailbox:PerUser", "false", "POP3/IMAP users see only messages addressed to them", IsSwitch: true),
    ];
}
