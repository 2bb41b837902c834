using MailCatcher.Core.Search;

namespace MailCatcher.Storage.Queries;

/// <summary>Which messages a read or a bulk change applies to: a search, optionally narrowed.</summary>
/// <param name="Query">The parsed search; <see cref="SearchQuery.Empty"/> for every message.</param>
/// <param name="AfterId">Only messages with a greater id (strictly after that message).</param>
/// <param name="ReceivedAfter">Only messages received strictly after this UTC time.</param>
/// <param name="Ids">Only these messages.</param>
/// <param name="InboxId">Only the messages of this inbox (issue 13); null: every inbox.</param>
public sealed record MessageFilter(SearchQuery Query, long? AfterId = null, DateTime? ReceivedAfter = null, IReadOnlyCollection<long>? Ids = null, long? InboxId = null)
{
    public static MessageFilter All { get; } = new(SearchQuery.Empty);

    /// <summary>True when the filter selects every message of its inbox (of the store when <see cref="InboxId"/> is null).</summary>
    public bool IsAll => Query.IsEmpty && AfterId is null && ReceivedAfter is null && Ids is null;
}
