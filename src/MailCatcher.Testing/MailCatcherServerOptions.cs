using Microsoft.Extensions.Logging;

namespace MailCatcher.Testing;

/// <summary>How <see cref="MailCatcherServer.StartAsync"/> starts MailCatcher. The defaults suit a test: free ports, a fresh database, quiet logs.</summary>
public sealed class MailCatcherServerOptions
{
    /// <summary>
    /// Extra command-line flags, exactly as <c>mailcatcher --help</c> lists them, e.g.
    /// <c>["--smtp-auth", "required", "--smtp-user", "app:secret"]</c>. They come after the
    /// defaults and win over them.
    /// </summary>
    public IList<string> Arguments { get; } = [];

    /// <summary>Configuration entries by key (<c>Smtp:HostName</c>), for settings without a flag.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Start POP3 and IMAP too, on free ports. Off by default: most tests only send and read.</summary>
    public bool EnableMailboxProtocols { get; set; }

    /// <summary>
    /// The database file to use. Null (the default) creates a temporary one, deleted on dispose;
    /// a path is kept, so a test can restart a server on the same mail.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>The host's least log level written to the test output. Warning by default.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}
