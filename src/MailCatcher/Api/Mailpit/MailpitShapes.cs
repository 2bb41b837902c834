using System.Text.Json.Serialization;

namespace MailCatcher.Api.Mailpit;

// Mailpit's JSON shapes (its field names, PascalCase and snake_case as Mailpit writes them), only
// as far as the compatible endpoints fill them.

/// <summary>A Mailpit address.</summary>
internal sealed record MailpitAddress(string Name, string Address);

/// <summary>An item of Mailpit's message list.</summary>
internal sealed record MailpitListItem(
    string ID, string MessageID, bool Read, MailpitAddress? From, IReadOnlyList<MailpitAddress> To, IReadOnlyList<MailpitAddress> Cc,
    IReadOnlyList<MailpitAddress> Bcc, IReadOnlyList<MailpitAddress> ReplyTo, string Subject, DateTime Created, IReadOnlyList<string> Tags,
    long Size, int Attachments, string Snippet);

/// <summary>Mailpit's message list and search answer.</summary>
internal sealed record MailpitList(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("unread")] int Unread,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("messages_count")] int MessagesCount,
    [property: JsonPropertyName("messages_unread")] int MessagesUnread,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("messages")] IReadOnlyList<MailpitListItem> Messages);

/// <summary>A Mailpit attachment or inline part.</summary>
internal sealed record MailpitPart(string PartID, string FileName, string ContentType, string ContentID, long Size);

/// <summary>Mailpit's full message.</summary>
internal sealed record MailpitMessage(
    string ID, string MessageID, MailpitAddress? From, IReadOnlyList<MailpitAddress> To, IReadOnlyList<MailpitAddress> Cc,
    IReadOnlyList<MailpitAddress> Bcc, IReadOnlyList<MailpitAddress> ReplyTo, string ReturnPath, string Subject, DateTime? Date,
    IReadOnlyList<string> Tags, string Text, string HTML, long Size, IReadOnlyList<MailpitPart> Inline, IReadOnlyList<MailpitPart> Attachments);

/// <summary>The body of Mailpit's <c>DELETE /api/v1/messages</c> and <c>PUT /api/v1/tags</c>.</summary>
internal sealed record MailpitIdsRequest(IReadOnlyList<string>? IDs, IReadOnlyList<string>? Tags);
