namespace MailCatcher.Hosting;

/// <summary>When this process started serving, for uptime.</summary>
public sealed record StartTime(DateTime At);
