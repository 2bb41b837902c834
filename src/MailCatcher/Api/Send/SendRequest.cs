using System.ComponentModel;

namespace MailCatcher.Api.Send;

/// <summary>The JSON body of <c>POST /api/v1/send</c>: a message described by its parts, built into MIME by the server.</summary>
internal sealed record SendRequest
{
    [Description("The sender, as an address or \"Name <address>\". Becomes the From header and MAIL FROM.")]
    public string? From { get; init; }

    [Description("Recipients in the To header (and the envelope).")]
    public IReadOnlyList<string>? To { get; init; }

    [Description("Recipients in the Cc header (and the envelope).")]
    public IReadOnlyList<string>? Cc { get; init; }

    [Description("Recipients only in the envelope (RCPT TO), never in a header: blind copies, as over SMTP.")]
    public IReadOnlyList<string>? Bcc { get; init; }

    [Description("The Subject header.")]
    public string? Subject { get; init; }

    [Description("The text/plain body.")]
    public string? Text { get; init; }

    [Description("The text/html body.")]
    public string? Html { get; init; }

    [Description("Files to attach; one with a contentId is an inline part the HTML can reference as cid:.")]
    public IReadOnlyList<SendAttachment>? Attachments { get; init; }

    [Description("Extra header fields by name (e.g. X-Campaign, Reply-To). From, To, Cc, Bcc, Subject, Date, MIME-Version and Content-* are set from the other fields.")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
