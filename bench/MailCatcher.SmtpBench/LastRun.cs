namespace MailCatcher.SmtpBench;

/// <summary>What the last throughput run measured besides its rate, for the comparisons' summary lines.</summary>
internal static class LastRun
{
    /// <summary>The server's CPU time (user + system) per message, in microseconds; 0 when not measured.</summary>
    public static double CpuMicrosecondsPerMessage { get; set; }
}
