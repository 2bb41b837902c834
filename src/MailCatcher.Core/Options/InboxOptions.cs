namespace MailCatcher.Core.Options;

/// <summary>Isolated inboxes (issue 13), bound from the <c>Inboxes</c> configuration section.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inboxes";

    /// <summary><c>NAME=PATTERN</c> routing rules (<c>--inbox</c>), first match wins.</summary>
    public List<string> Rules { get; set; } = [];

    /// <summary>Time-to-live of an inbox created through the API without one; null keeps it until deleted.</summary>
    public TimeSpan? DefaultTimeToLive { get; set; }

    /// <summary>How often expired inboxes are looked for.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
