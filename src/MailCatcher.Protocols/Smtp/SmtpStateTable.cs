namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// Which command is legal in which state (RFC 5321 §4.1.4, RFC 3030 §2, RFC 3207 §4,
/// RFC 4954 §4), as data. A command outside its states is answered 503 5.5.1 with the
/// reason given here, before any policy (AUTH or TLS required) is checked.
/// </summary>
public static class SmtpStateTable
{
    private static readonly Dictionary<SmtpVerb, (SmtpState Allowed, string WhyNot)> Table = new()
    {
        [SmtpVerb.Helo] = (SmtpState.Any, ""),
        [SmtpVerb.Ehlo] = (SmtpState.Any, ""),
        [SmtpVerb.Mail] = (SmtpState.Ready, "MAIL needs EHLO/HELO first and no open transaction"),
        [SmtpVerb.Rcpt] = (SmtpState.HaveSender | SmtpState.HaveRecipients, "RCPT needs MAIL first"),
        [SmtpVerb.Data] = (SmtpState.HaveRecipients, "DATA needs MAIL and at least one accepted RCPT, and no BDAT"),
        [SmtpVerb.Bdat] = (SmtpState.HaveRecipients | SmtpState.InBdat, "BDAT needs MAIL and at least one accepted RCPT"),
        [SmtpVerb.StartTls] = (SmtpState.Ready, "STARTTLS needs EHLO first and no open transaction"),
        [SmtpVerb.Auth] = (SmtpState.Ready, "AUTH needs EHLO first and no open transaction"),
        [SmtpVerb.Rset] = (SmtpState.Any, ""),
        [SmtpVerb.Noop] = (SmtpState.Any, ""),
        [SmtpVerb.Quit] = (SmtpState.Any, ""),
        [SmtpVerb.Vrfy] = (SmtpState.Any, ""),
        [SmtpVerb.Expn] = (SmtpState.Any, ""),
        [SmtpVerb.Help] = (SmtpState.Any, ""),
    };

    /// <summary>Whether <paramref name="verb"/> may be issued in <paramref name="state"/>, and if not, why.</summary>
    public static bool IsAllowed(SmtpVerb verb, SmtpState state, out string whyNot)
    {
        if (!Table.TryGetValue(verb, out var entry))
        {
            whyNot = "unknown command";
            return false;
        }
        whyNot = entry.WhyNot;
        return (entry.Allowed & state) != 0;
    }
}
