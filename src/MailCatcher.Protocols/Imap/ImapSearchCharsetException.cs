namespace MailCatcher.Protocols.Imap;

/// <summary>RFC 3501 §6.4.4: an unsupported CHARSET is answered NO [BADCHARSET].</summary>
public sealed class ImapSearchCharsetException : Exception
{
    public ImapSearchCharsetException()
    {
    }

    public ImapSearchCharsetException(string charset)
        : base($"unsupported charset {charset}")
    {
    }

    public ImapSearchCharsetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
