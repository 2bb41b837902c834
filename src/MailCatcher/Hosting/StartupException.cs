namespace MailCatcher.Hosting;

/// <summary>
/// A configuration mistake found while the host is built (a missing certificate, a bad user
/// list or rule): Program.cs prints its message alone, without a stack trace, and exits 2.
/// </summary>
public sealed class StartupException : InvalidOperationException
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
