namespace MailCatcher.Client.Models;

/// <summary>A message for <see cref="MailCatcherClient.SendAsync(OutgoingMessage, CancellationToken)"/>, built into MIME by the server.</summary>
public sealed record OutgoingMessage
{
    /// <summary>The sender: <c>app@example.com</c> or <c>App &lt;app@example.com&gt;</c>.</summary>
    public required string From { get; init; }

    /// <summary>Recipients in the To header.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Recipients in the Cc header.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Recipients in the envelope only (blind copies).</summary>
    public IReadOnlyList<string> Bcc { get; init; } = [];

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The text/plain body.</summary>
    public string? Text { get; init; }

    /// <summary>The text/html body.</summary>
    public string? Html { get; init; }

    /// <summary>Files to attach (inline when they have a content id).</summary>
    public IReadOnlyList<OutgoingAttachment> Attachments { get; init; } = [];

    /// <summary>Extra header fields by name, e.g. <c>Reply-To</c> or <c>X-Campaign</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
