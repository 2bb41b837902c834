namespace MailCatcher.Checks.Dkim;

/// <summary>No public key for a selector: not given offline, and DNS not asked or without a record.</summary>
public sealed class DkimKeyNotFoundException : Exception
{
    public DkimKeyNotFoundException()
    {
    }

    public DkimKeyNotFoundException(string message)
        : base(message)
    {
    }

    public DkimKeyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
