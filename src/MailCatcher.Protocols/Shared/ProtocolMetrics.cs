using System.Diagnostics.Metrics;

namespace MailCatcher.Protocols.Shared;

/// <summary>
/// The protocol servers' instruments (System.Diagnostics.Metrics: no exporter here; the host decides
/// whether anything listens). An instrument nobody listens to costs one flag check, and the tags
/// use pre-boxed values, so counting a reply allocates nothing.
/// </summary>
public static class ProtocolMetrics
{
    public const string MeterName = "MailCatcher.Protocols";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Boxed reply codes 0-999, so a tag never boxes on the hot path.</summary>
    private static readonly object[] Codes = [.. Enumerable.Range(0, 1000).Select(code => (object)code)];

    private static readonly Counter<long> SmtpSessions = Meter.CreateCounter<long>("mailcatcher.smtp.sessions", "{session}", "SMTP connections accepted");

    private static readonly Counter<long> SmtpReplies = Meter.CreateCounter<long>("mailcatcher.smtp.replies", "{reply}", "SMTP replies sent, by reply code");

    private static readonly Counter<long> SmtpTransactions = Meter.CreateCounter<long>("mailcatcher.smtp.transactions", "{transaction}",
        "SMTP mail transactions that ended, by outcome: stored, rejected (over the size limit, declared or sent; an injected fault at DATA) or failed (storage error)");

    private static readonly Counter<long> Pop3Sessions = Meter.CreateCounter<long>("mailcatcher.pop3.sessions", "{session}", "POP3 connections accepted");

    private static readonly Counter<long> ImapSessions = Meter.CreateCounter<long>("mailcatcher.imap.sessions", "{session}", "IMAP connections accepted");

    private static readonly object Stored = "stored";
    private static readonly object Rejected = "rejected";
    private static readonly object Failed = "failed";

    internal static void SmtpSessionStarted() => SmtpSessions.Add(1);

    internal static void Pop3SessionStarted() => Pop3Sessions.Add(1);

    internal static void ImapSessionStarted() => ImapSessions.Add(1);

    internal static void SmtpReplySent(int code)
    {
        if (SmtpReplies.Enabled)
        {
            SmtpReplies.Add(1, new KeyValuePair<string, object?>("smtp.reply.code", code is >= 0 and < 1000 ? Codes[code] : code));
        }
    }

    internal static void SmtpMessageStored() => SmtpTransactions.Add(1, new KeyValuePair<string, object?>("outcome", Stored));

    internal static void SmtpMessageRejected() => SmtpTransactions.Add(1, new KeyValuePair<string, object?>("outcome", Rejected));

    internal static void SmtpMessageFailed() => SmtpTransactions.Add(1, new KeyValuePair<string, object?>("outcome", Failed));
}
