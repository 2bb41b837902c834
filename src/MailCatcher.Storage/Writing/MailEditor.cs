using MailCatcher.Core.Messages;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// User changes to stored messages (the API's and the UI's): each goes through the single
/// <see cref="GroupCommitWriter"/> and is announced on the event bus after it commits.
/// </summary>
public sealed class MailEditor(GroupCommitWriter writer)
{
    /// <summary>Sets the read state and/or the tags (null leaves a value as it is). Null when there is no such message.</summary>
    public Task<MessageSummary?> UpdateAsync(long id, bool? isRead, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return writer.EnqueueAsync(new UpdateMessageOperation(id, isRead, tags));
    }

    /// <summary>Deletes one message; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync(new MessageFilter(Core.Search.SearchQuery.Empty, Ids: [id]), cancellationToken);
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
