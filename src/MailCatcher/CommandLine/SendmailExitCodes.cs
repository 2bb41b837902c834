namespace MailCatcher.CommandLine;

/// <summary>
/// The exit codes of <c>sendmail</c> (BSD <c>sysexits.h</c>), which callers such as cron, PHP and
/// git send-email read: 0 delivered, 75 "try again later", anything else a permanent failure.
/// </summary>
internal static class SendmailExitCodes
{
    public const int Ok = 0;

    /// <summary>EX_USAGE: a bad option, or no recipient at all.</summary>
    public const int Usage = 64;

    /// <summary>EX_DATAERR: the message on standard input is unusable.</summary>
    public const int DataError = 65;

    /// <summary>EX_NOUSER: the server refused a recipient for good (5xx at RCPT).</summary>
    public const int NoUser = 67;

    /// <summary>EX_NOHOST: the name in --smtp-addr does not resolve.</summary>
    public const int NoHost = 68;

    /// <summary>EX_UNAVAILABLE: the server refused the message for good (5xx).</summary>
    public const int Unavailable = 69;

    /// <summary>EX_IOERR: standard input could not be read.</summary>
    public const int IoError = 74;

    /// <summary>EX_TEMPFAIL: nothing listening yet, a 4xx reply, a dropped connection; retry later.</summary>
    public const int TempFail = 75;

    /// <summary>EX_PROTOCOL: the server's replies were not SMTP.</summary>
    public const int Protocol = 76;
}
