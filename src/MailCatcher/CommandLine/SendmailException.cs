namespace MailCatcher.CommandLine;

/// <summary>A failure of <c>mailcatcher sendmail</c>, with the sysexits code it ends the process with.</summary>
internal sealed class SendmailException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
