using System.ComponentModel;

namespace MailCatcher.Api.Send;

/// <summary>One file of a <see cref="SendRequest"/>.</summary>
internal sealed record SendAttachment
{
    [Description("The file name shown to the reader.")]
    public string? Name { get; init; }

    [Description("The MIME type; application/octet-stream when absent.")]
    public string? ContentType { get; init; }

    [Description("The file's bytes, base64-encoded.")]
    public string? Content { get; init; }

    [Description("A Content-ID (without angle brackets) that makes the part inline, for <img src=\"cid:...\">.")]
    public string? ContentId { get; init; }
}
