namespace MailCatcher.Protocols.Pop3;

/// <summary>Every POP3 status line the server sends, in one place (RFC 1939, RFC 2449 §8 response codes).</summary>
public static class Pop3Replies
{
    public static string Greeting(string timestamp) => $"+OK MailCatcher POP3 server ready {timestamp}";

    public const string Capabilities = "+OK Capability list follows";
    public const string UserAccepted = "+OK send PASS";
    public const string LoginFailed = "-ERR [AUTH] invalid user name or password";
    public const string MissingArgument = "-ERR missing argument";
    public const string NoSuchMessage = "-ERR no such message";
    public const string AlreadyDeleted = "-ERR message already deleted";
    public const string MessageGone = "-ERR [SYS/TEMP] message no longer exists";
    public const string BadNumber = "-ERR invalid message number";
    public const string Unknown = "-ERR unknown command";
    public const string LineTooLong = "-ERR line too long";
    public const string TlsUnavailable = "-ERR STLS is not available: no certificate is configured";
    public const string TlsAlreadyActive = "-ERR TLS is already active";
    public const string StlsTakesNoArguments = "-ERR STLS takes no arguments";
    public const string BeginTls = "+OK Begin TLS negotiation";
    public const string TlsRequired = "-ERR [AUTH] TLS is required: issue STLS first";
    public const string Ok = "+OK";
    public const string Goodbye = "+OK MailCatcher POP3 server signing off";
    public const string IdleTimeout = "-ERR idle timeout, closing";
    public const string ShuttingDown = "-ERR [SYS/TEMP] server shutting down";
    public const string TooManyErrors = "-ERR too many errors, closing";
    public const string TooManyConnections = "-ERR [SYS/TEMP] too many connections";
    public const string UpdateFailed = "-ERR [SYS/TEMP] some deleted messages were not removed";

    public static string WrongState(string why) => $"-ERR {why}";

    public static string LoggedIn(int count, long size) => $"+OK maildrop has {count} messages ({size} octets)";

    public static string Stat(int count, long size) => $"+OK {count} {size}";

    public static string Scan(int number, long size) => $"+OK {number} {size}";

    public static string Unique(int number, long id) => $"+OK {number} {id}";

    public static string Listing(int count, long size) => $"+OK {count} messages ({size} octets)";

    public static string Deleted(int number) => $"+OK message {number} deleted";

    public static string Reset(int count, long size) => $"+OK maildrop has {count} messages ({size} octets)";

    public static string Retrieving(long size) => $"+OK {size} octets";

    public static string SignedOff(int deleted) => $"+OK MailCatcher POP3 server signing off ({deleted} messages deleted)";
}
