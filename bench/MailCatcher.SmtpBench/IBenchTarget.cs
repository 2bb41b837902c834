namespace MailCatcher.SmtpBench;

/// <summary>An SMTP server under test, run as its own process: MailCatcher or postfix's smtp-sink.</summary>
internal interface IBenchTarget : IDisposable
{
    string Name { get; }

    int SmtpPort { get; }

    /// <summary>Every SMTP port that takes this target's load; several for instances sharing one database.</summary>
    IReadOnlyList<int> SmtpPorts => [SmtpPort];

    /// <summary>Resident memory now (VmRSS) and at its peak (VmHWM), in MB.</summary>
    (double Current, double Peak) MemoryMegabytes();

    /// <summary>CPU time used so far (user + system).</summary>
    TimeSpan CpuTime();
}
