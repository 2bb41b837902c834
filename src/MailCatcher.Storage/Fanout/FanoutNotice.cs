using System.Text.Json.Serialization;

namespace MailCatcher.Storage.Fanout;

/// <summary>
/// What one instance tells the others through PostgreSQL's NOTIFY (issue 14): only ids, so a
/// payload stays far below NOTIFY's 8,000 bytes; the receiver reads the rows itself.
/// </summary>
/// <param name="Instance">The sender, so that it ignores its own notices.</param>
/// <param name="Kind"><c>received</c>, <c>updated</c> or <c>deleted</c> (messages), or <c>inbox</c> (an inbox created or deleted).</param>
/// <param name="Ids">The messages concerned; for <c>inbox</c>, the inbox.</param>
/// <param name="InboxId">For <c>deleted</c>: the inbox they were in.</param>
internal sealed record FanoutNotice(
    [property: JsonPropertyName("i")] string Instance,
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("ids")] IReadOnlyList<long> Ids,
    [property: JsonPropertyName("inbox")] long? InboxId = null)
{
    public const string Received = "received";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Inbox = "inbox";
}
