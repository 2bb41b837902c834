namespace MailCatcher.Protocols.Imap;

/// <summary>A command that does not follow RFC 3501 §9: answered with a tagged BAD, the session goes on.</summary>
public sealed class ImapSyntaxException : Exception
{
    public ImapSyntaxException()
    {
    }

    public ImapSyntaxException(string message)
        : base(message)
    {
    }

    public ImapSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
