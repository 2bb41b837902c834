using System.ComponentModel;

namespace MailCatcher.Api;

/// <summary>The body of <c>PATCH /api/v1/messages/{id}</c>: what to change; a missing field stays as it is.</summary>
[Description("What to change in a message; a field left out stays as it is.")]
public sealed record MessagePatch(
    [property: Description("Marks the message read (true) or unread (false).")] bool? IsRead = null,
    [property: Description("Replaces the message's tags. Each tag is 1-64 characters without control characters; duplicates (ignoring case) are dropped; at most 50.")] IReadOnlyList<string>? Tags = null);
