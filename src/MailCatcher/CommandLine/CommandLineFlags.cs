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
        new("--db", "Storage:Database", "<local app data>/MailCatcher/mailcatcher.db", "SQLite database file (:memory: keeps nothing after exit) or postgres://user:pass@host:port/dbname"),
        new("--max-messages", "Storage:MaxMessages", "10000", "Keep the newest N messages (0 = no limit)"),

        // TLS, AUTH, accepted recipients and fault injection (README: "TLS, AUTH and failure modes").
        new("--smtps-port", "Smtp:SmtpsPort", "off", "Implicit-TLS SMTP port, RFC 8314 (0 = any free port); needs a certificate"),
        new("--tls-cert", "Tls:Certificate", "none", "PEM certificate for STARTTLS and implicit TLS"),
        new("--tls-key", "Tls:Key", "none", "PEM private key of --tls-cert, when not in the same file"),
        new("--tls-self-signed", "Tls:SelfSigned", "false", "Generate a self-signed certificate once and keep it in the data folder", IsSwitch: true),
        new("--smtp-require-tls", "Smtp:RequireTls", "false", "Refuse MAIL and AUTH before STARTTLS (530 5.7.0)", IsSwitch: true),
        new("--smtp-auth", "Smtp:Auth", "any", "AUTH mode: any (accept every credential), required (530 without AUTH), off"),
        new("--smtp-user", "Smtp:Users", "none", "A known user as NAME:PASSWORD; other credentials get 535 5.7.8", IsRepeatable: true),
        new("--smtp-users-file", "Smtp:UsersFile", "none", "File with one NAME:PASSWORD a line"),
        new("--smtp-auth-require-tls", "Smtp:AuthRequireTls", "false", "Refuse AUTH before TLS (538 5.7.11)", IsSwitch: true),
        new("--smtp-accept-recipient", "Smtp:AcceptedRecipients", "any", "A recipient that exists: address, *@domain or /regex/; others get 550 5.1.1", IsRepeatable: true),
        new("--smtp-fault", "Smtp:FaultRules", "none", "Fault rule: STAGE [ADDRESS] [N%] CODE TEXT | delay DURATION | drop", IsRepeatable: true),

        // POP3 and IMAP (issue 7); users are SMTP's (--smtp-user, --smtp-users-file), TLS uses --tls-cert or --tls-self-signed.
        new("--pop3-port", "Pop3:Port", "1110", "POP3 port (0 = any free port, off = no POP3)"),
        new("--imap-port", "Imap:Port", "1143", "IMAP port (0 = any free port, off = no IMAP)"),
        new("--mailbox-per-user", "Mailbox:PerUser", "false", "POP3/IMAP users see only messages addressed to them", IsSwitch: true),
        new("--pop3s-port", "Pop3:Pop3sPort", "off", "Implicit-TLS POP3 port, RFC 8314 (0 = any free port); needs a certificate"),
        new("--imaps-port", "Imap:ImapsPort", "off", "Implicit-TLS IMAP port, RFC 8314 (0 = any free port); needs a certificate"),
        new("--mailbox-require-tls", "Mailbox:RequireTls", "false", "POP3/IMAP refuse login before STLS/STARTTLS (IMAP LOGINDISABLED)", IsSwitch: true),

        // Isolated inboxes (issue 13): routing rules, first match wins after the SMTP AUTH user.
        new("--inbox", "Inboxes:Rules", "none", "Route to an inbox: NAME=PATTERN (address, *@domain, /regex/, domain, +tag, header:NAME[=VALUE])", IsRepeatable: true),
        new("--inbox-ttl", "Inboxes:DefaultTimeToLive", "none", "Time-to-live of API-created inboxes that ask for none (hh:mm:ss)"),

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

        // Several instances on one PostgreSQL database (issue 14): how long a claim on an outbox entry holds unrenewed.
        new("--relay-claim-lease", "Relay:ClaimLease", "00:01:00", "An instance that dies mid-send has its outbox entry taken over by another after this (hh:mm:ss)"),

        // Sharing one MailCatcher (issue 12): who may reach the web UI and API, log-in, tokens, HTTPS, base path.
        new("--http-allowed-hosts", "Http:AllowedHosts", "localhost, 127.0.0.1, [::1] and --ip", "Another host name the web UI and API answer to (*.example.com for subdomains, * = any)", IsRepeatable: true),
        new("--http-cors-origin", "Http:CorsOrigins", "none", "An origin (https://app.example.com) whose pages may call the API", IsRepeatable: true),
        new("--http-tls", "Http:Tls", "false", "Serve the web UI and API over HTTPS with the --tls-cert or --tls-self-signed certificate", IsSwitch: true),
        new("--base-path", "Http:BasePath", "/", "Serve the web UI, API and hub under this path (e.g. /mail behind a reverse proxy)"),
        new("--trusted-proxy", "Http:TrustedProxies", "none", "A reverse proxy's address or network whose X-Forwarded-For/-Proto/-Host are believed", IsRepeatable: true),
        new("--ui-user", "Access:Users", "none: no log-in", "A web UI and API user as NAME:PASSWORD[:admin|reader]; turns log-in on", IsRepeatable: true),
        new("--ui-users-file", "Access:UsersFile", "none", "File with one NAME:HASH[:admin|reader] a line (HASH from `mailcatcher hash-password`)"),
        new("--api-token", "Access:ApiTokens", "none", "An API token as NAME:TOKEN[:admin|reader], sent as Authorization: Bearer TOKEN", IsRepeatable: true),
        // Message checks (issue 15): networked checks run only when asked for.
        new("--spamassassin", "Checks:SpamAssassin", "off", "SpamAssassin spamd HOST:PORT for the spam check (off = no spam score)"),
        new("--dkim-key", "Checks:DkimKeys", "none", "Offline DKIM key as selector._domainkey.example.com=PATH (PEM or the TXT record)", IsRepeatable: true),
        new("--checks-allow-private-links", "Checks:AllowPrivateLinks", "false", "Let the link check request loopback, private and link-local addresses", IsSwitch: true),
        // Integrations (issue 17): webhooks and metrics.
        new("--webhook", "Webhooks", "(none)", "POST each new message's summary to \"URL [q=SEARCH] [secret=SECRET]\" (HMAC-SHA256 signed with a secret)", IsRepeatable: true),
        new("--metrics", "Metrics:Enabled", "false", "Serve Prometheus metrics at /metrics (OpenTelemetry)", IsSwitch: true),
        // PostgreSQL storage (issue 14): --db postgres://user:pass@host:port/dbname is the short form of these two.
        new("--storage-provider", "Storage:Provider", "sqlite (postgres for a postgres:// --db)", "Storage provider: sqlite or postgres"),
        new("--storage-connection-string", "Storage:ConnectionString", "none", "Npgsql connection string or postgres:// URL for --storage-provider postgres"),
    ];
}
