namespace MailCatcher.Relay.Bounces;

/// <summary>Everything a delivery status notification reports about one failed outbox entry.</summary>
/// <param name="ReportingHost">This server's name (<c>Smtp:HostName</c>): the Reporting-MTA and the MAILER-DAEMON domain.</param>
/// <param name="OriginalSender">The envelope sender the bounce goes back to (never empty: a null reverse-path gets no bounce).</param>
/// <param name="Recipients">The recipients that failed.</param>
/// <param name="Code">The relay's last reply code; null when no reply came (connection failures until give-up).</param>
/// <param name="ReplyText">The relay's last reply text, or what went wrong.</param>
/// <param name="GaveUp">True when the entry failed because its retry period ran out, not because of a 5xx.</param>
/// <param name="RemoteHost">The relay's host name.</param>
/// <param name="ArrivalDate">When the message entered the outbox.</param>
/// <param name="LastAttemptAt">When the last attempt ended.</param>
/// <param name="OriginalHeaders">The returned message's header section, exact bytes (RFC 3462 text/rfc822-headers).</param>
public sealed record BounceFacts(
    string ReportingHost,
    string OriginalSender,
    IReadOnlyList<string> Recipients,
    int? Code,
    string ReplyText,
    bool GaveUp,
    string RemoteHost,
    DateTime ArrivalDate,
    DateTime LastAttemptAt,
    byte[] OriginalHeaders);
