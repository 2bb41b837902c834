using MailCatcher.Core.Search;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// What people do to stored mail (mark read or unread, delete), through the single writer, each
/// change announced on the <see cref="MailEventBus"/> after it is committed.
/// </summary>
public sealed class MailCommands(GroupCommitWriter writer)
{
    /// <returns>How many messages changed state.</returns>
    public async Task<int> SetReadAsync(IReadOnlyCollection<long> ids, bool isRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var changed = await writer.EnqueueAsync(new SetReadOperation([.. ids], isRead));
        return changed.Count;
    }

    /// <returns>How many messages were deleted.</returns>
    public async Task<int> DeleteAsync(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }
        return (await writer.EnqueueAsync(new DeleteMessagesOperation(new MessageFilter(SearchQuery.Empty, Ids: [.. ids])))).Count;
    }

    /// <summary>Deletes every message of one inbox (issue 13), or of every inbox when <paramref name="inboxId"/> is null.</summary>
    /// <returns>How many messages were deleted.</returns>
    public async Task<int> DeleteAllAsync(long? inboxId = null) => (await writer.EnqueueAsync(new DeleteMessagesOperation(new MessageFilter(SearchQuery.Empty, InboxId: inboxId)))).Count;
}
