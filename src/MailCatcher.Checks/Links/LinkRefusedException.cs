namespace MailCatcher.Checks.Links;

/// <summary>A link check refused to connect: the host resolves only to private addresses.</summary>
public sealed class LinkRefusedException : Exception
{
    public LinkRefusedException()
    {
    }

    public LinkRefusedException(string message)
        : base(message)
    {
    }

    public LinkRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
