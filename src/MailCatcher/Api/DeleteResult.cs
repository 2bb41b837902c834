using System.ComponentModel;

namespace MailCatcher.Api;

/// <summary>What <c>DELETE /api/v1/messages?q=</c> removed.</summary>
[Description("How many messages a bulk delete removed, and which.")]
public sealed record DeleteResult(
    [property: Description("How many messages were deleted.")] int Deleted,
    [property: Description("The ids of the deleted messages, oldest first.")] IReadOnlyList<long> Ids);
