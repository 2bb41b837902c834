namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// The replies MailCatcher sends, in one place so that codes stay consistent
/// (design.md, "SMTP behaviour"; RFC 5321 §4.2.2 and §4.2.3, RFC 3463 for the enhanced codes).
/// </summary>
public static class SmtpReplies
{
    public static SmtpReply Greeting(string host) => new(220, null, $"{host} ESMTP MailCatcher");

    public static SmtpReply Helo(string host, string clientName) => new(250, null, $"{host} Hello {clientName}");

    public static SmtpReply Ok { get; } = new(250, "2.0.0", "OK");

    public static SmtpReply SenderOk { get; } = new(250, "2.1.0", "Sender OK");

    public static SmtpReply RecipientOk { get; } = new(250, "2.1.5", "Recipient OK");

    public static SmtpReply StartMailInput { get; } = new(354, null, "Start mail input; end with <CRLF>.<CRLF>");

    public static SmtpReply Queued(long id) => new(250, "2.0.0", $"OK: queued as {id}");

    public static SmtpReply ChunkReceived(long size) => new(250, "2.0.0", $"{size} octets received");

    public static SmtpReply Bye(string host) => new(221, "2.0.0", $"{host} closing connection");

    /// <summary>RFC 5321 §3.5.3: a server that does not verify answers 252.</summary>
    public static SmtpReply CannotVerify { get; } = new(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");

    public static SmtpReply Help { get; } = new(214, "2.0.0", [
        "MailCatcher accepts every message and delivers none.",
        "Commands: HELO EHLO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH",
        "End of HELP info",
    ]);

    public static SmtpReply CommandUnrecognized { get; } = new(500, "5.5.2", "Command unrecognized");

    public static SmtpReply LineTooLong { get; } = new(500, "5.5.6", "Line too long");

    public static SmtpReply BadSequence(string why) => new(503, "5.5.1", $"Bad sequence of commands: {why}");

    public static SmtpReply SyntaxError(string why) => new(501, "5.5.4", $"Syntax error: {why}");

    /// <summary>RFC 5321 §4.1.1.11: an unknown MAIL or RCPT parameter.</summary>
    public static SmtpReply ParameterNotRecognized(string name) => new(555, "5.5.4", $"Parameter {name} not recognized or not implemented");

    /// <summary>RFC 1870 §6: a declared or actual size above the limit.</summary>
    public static SmtpReply MessageTooBig(long limit) => new(552, "5.3.4", $"Message size exceeds fixed maximum message size of {limit} bytes");

    public static SmtpReply TooManyRecipients { get; } = new(452, "4.5.3", "Too many recipients");

    public static SmtpReply IdleTimeout(string host) => new(421, "4.4.2", $"{host} Idle timeout, closing connection");

    public static SmtpReply TooManyConnections(string host) => new(421, "4.3.2", $"{host} Too many connections, try again later");

    public static SmtpReply TooManyErrors(string host) => new(421, "4.7.0", $"{host} Too many errors, closing connection");

    public static SmtpReply ShuttingDown(string host) => new(421, "4.3.2", $"{host} Service shutting down, closing connection");

    public static SmtpReply StorageFailed { get; } = new(451, "4.3.0", "Local error in processing: message not stored, try again later");

    /// <summary>
    /// RFC 5321 §4.2.2 452 "insufficient system storage" with RFC 3463 §3.4 X.3.1 "mail system
    /// full": the disk is full; the client keeps the message and tries again later.
    /// </summary>
    public static SmtpReply MailSystemFull { get; } = new(452, "4.3.1", "Insufficient system storage: mail system full, message not stored, try again later");

    /// <summary>RFC 3207 §4: the go-ahead for the TLS handshake.</summary>
    public static SmtpReply ReadyToStartTls { get; } = new(220, "2.0.0", "Ready to start TLS");

    /// <summary>RFC 3207 §4: 454 when TLS is not available.</summary>
    public static SmtpReply TlsNotAvailable { get; } = new(454, "4.7.0", "TLS not available: no certificate is configured");

    /// <summary>RFC 3207 §4: a server that requires TLS answers other commands with 530.</summary>
    public static SmtpReply MustStartTls { get; } = new(530, "5.7.0", "Must issue a STARTTLS command first");

    /// <summary>RFC 4954 §6: MAIL without AUTH when the server requires it.</summary>
    public static SmtpReply AuthRequired { get; } = new(530, "5.7.0", "Authentication required");

    /// <summary>RFC 4954 §6: the mechanism is only allowed over an encrypted connection.</summary>
    public static SmtpReply EncryptionRequiredForAuth { get; } = new(538, "5.7.11", "Encryption required for requested authentication mechanism");

    /// <summary>RFC 4954 §4: a server challenge or prompt, base64 encoded.</summary>
    public static SmtpReply AuthChallenge(string base64) => new(334, null, base64);

    /// <summary>RFC 4954 §6.</summary>
    public static SmtpReply AuthSucceeded { get; } = new(235, "2.7.0", "Authentication successful");

    /// <summary>RFC 4954 §6.</summary>
    public static SmtpReply AuthFailed { get; } = new(535, "5.7.8", "Authentication credentials invalid");

    /// <summary>RFC 4954 §4: the client answered a challenge with "*".</summary>
    public static SmtpReply AuthCancelled { get; } = new(501, "5.0.0", "Authentication cancelled");

    /// <summary>RFC 4954 §4: a response that is not valid base64 (or not a valid message of the mechanism).</summary>
    public static SmtpReply AuthCannotDecode(string why) => new(501, "5.5.2", $"Cannot decode response: {why}");

    /// <summary>RFC 4954 §4: an unknown mechanism.</summary>
    public static SmtpReply UnknownMechanism { get; } = new(504, "5.5.4", "Unrecognized authentication type");

    /// <summary>AUTH is switched off (<c>--smtp-auth off</c>) and was not advertised.</summary>
    public static SmtpReply AuthNotEnabled { get; } = new(502, "5.5.1", "AUTH is not enabled on this server");

    /// <summary>RFC 5321 §4.2.2 and RFC 3463 §3.2: the recipient does not exist.</summary>
    public static SmtpReply UserUnknown { get; } = new(550, "5.1.1", "User unknown");
}
