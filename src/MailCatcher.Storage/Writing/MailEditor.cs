using MailCatcher.Core.Messages;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// User changes to stored messages (the API's and the UI's): each goes through the single
/// <see cref="GroupCommitWriter"/> and is announced on the event bus after it commits.
/// </summary>
public sealed class MailEditor(GroupCommitWriter writer, InboxDirectory inboxes)
{
    /// <summary>Sets the read state and/or the tags (null leaves a value as it is). Null when there is no such message (in the inbox, when one is given).</summary>
    public async Task<MessageSummary?> UpdateAsync(long id, bool? isRead, IReadOnlyList<string>? tags, CancellationToken cancellationToken, long? inboxId = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var summary = await writer.EnqueueAsync(new UpdateMessageOperation(id, isRead, tags, inboxId));
        return summary is null ? null : summary with { Inbox = inboxes.NameOf(summary.InboxId) };
    }

    /// <summary>Deletes one message; false when there was none (in the inbox, when one is given).</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken, long? inboxId = null)
    {
        var deleted = await DeleteAsync(new MessageFilter(Core.Search.SearchQuery.Empty, Ids: [id], InboxId: inboxId), cancellationToken);
        return deleted.Count > 0;
    }

    /// <summary>Deletes every message the filter selects (<see cref="MessageFilter.All"/>: all of them); returns their ids.</summary>
    public Task<IReadOnlyList<long>> DeleteAsync(MessageFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        return writer.EnqueueAsync(new DeleteMessagesOperation(filter));
    }
}
