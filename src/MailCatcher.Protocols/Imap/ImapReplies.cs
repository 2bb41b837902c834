namespace MailCatcher.Protocols.Imap;

/// <summary>The fixed texts of IMAP responses, in one place (RFC 3501 §7, RFC 5530 response codes).</summary>
public static class ImapReplies
{
    /// <summary>
    /// RFC 3501 §6.1.1; LITERAL+ (RFC 7888), IDLE (RFC 2177), UIDPLUS (RFC 4315), ENABLE (RFC 5161),
    /// UNSELECT (RFC 3691), NAMESPACE (RFC 2342), SASL-IR (RFC 4959). The session adds STARTTLS and
    /// AUTH=PLAIN or LOGINDISABLED by its TLS state (<see cref="Capabilities"/>).
    /// </summary>
    public const string BaseCapabilities = "IMAP4rev1 LITERAL+ SASL-IR IDLE UIDPLUS ENABLE UNSELECT NAMESPACE";

    /// <summary>
    /// RFC 3501 §6.2.1 and RFC 2595 §3.1: STARTTLS while it can be used; LOGINDISABLED instead of
    /// AUTH=PLAIN while a login would send a password in the clear that the server refuses.
    /// </summary>
    public static string Capabilities(bool offerStartTls, bool loginDisabled) =>
        BaseCapabilities + (offerStartTls ? " STARTTLS" : "") + (loginDisabled ? " LOGINDISABLED" : " AUTH=PLAIN");

    public static string Greeting(string capabilities) => $"* OK [CAPABILITY {capabilities}] MailCatcher IMAP4rev1 ready";
    public const string Bye = "* BYE MailCatcher logging out";
    public const string IdleTimeout = "* BYE idle timeout, closing";
    public const string ShuttingDown = "* BYE server shutting down";
    public const string TooManyErrors = "* BYE too many errors, closing";
    public const string TooManyConnections = "* BYE too many connections";
    public const string LiteralTooLargeBye = "* BYE literal too large";
    public const string Continue = "+ Ready for literal data";
    public const string ContinueAuth = "+ ";
    public const string Idling = "+ idling";
    public const string Flags = @"* FLAGS (\Answered \Flagged \Deleted \Seen \Draft)";
    public const string PermanentFlags = @"* OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted";
    public const string ReadOnlyPermanentFlags = "* OK [PERMANENTFLAGS ()] Read-only mailbox";
    public const string Namespace = "* NAMESPACE ((\"\" \"/\")) NIL NIL";
    public static string ListInbox(string command) => $"* {command} (\\HasNoChildren) \"/\" INBOX";

    public static string ListRoot(string command) => $"* {command} (\\Noselect) \"/\" \"\"";

    public const string LoginFailed = "NO [AUTHENTICATIONFAILED] Invalid credentials";
    public const string NoSuchMailbox = "NO [NONEXISTENT] Only INBOX exists here";
    public const string CannotCreate = "NO [CANNOT] MailCatcher has only INBOX; mailboxes cannot be created, deleted or renamed";
    public const string CannotAppend = "NO [CANNOT] APPEND is not supported: mail arrives over SMTP";
    public const string CannotCopy = "NO [CANNOT] MailCatcher has only INBOX; there is nowhere to copy or move to";
    public const string ReadOnly = "NO [READ-ONLY] Mailbox was opened with EXAMINE";
    public const string BadCharset = "NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset";
    public const string UnknownMechanism = "NO Unsupported authentication mechanism";
    public const string AuthCancelled = "BAD Authentication cancelled";
    /// <summary>RFC 3501 §6.2.1: STARTTLS answers OK or BAD ("command unknown or arguments invalid").</summary>
    public const string TlsUnavailable = "BAD STARTTLS is not available: no certificate is configured";
    public const string TlsAlreadyActive = "BAD TLS is already active";
    public const string BeginTls = "OK Begin TLS negotiation now";

    /// <summary>RFC 5530 §3 PRIVACYREQUIRED: LOGIN and AUTHENTICATE before STARTTLS while LOGINDISABLED is advertised.</summary>
    public const string PrivacyRequired = "NO [PRIVACYREQUIRED] Issue STARTTLS first: login is disabled without TLS";
    public const string LineTooLong = "BAD Command line too long";
    public const string LiteralTooLarge = "BAD Literal too large";
    public const string BadSequence = "BAD Invalid message sequence number";
    public const string Missing = "NO Some of the requested messages no longer exist";

    public static string Completed(string command) => $"OK {command} completed";
}
