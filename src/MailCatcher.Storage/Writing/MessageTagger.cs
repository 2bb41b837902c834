namespace MailCatcher.Storage.Writing;

/// <summary>Tags messages through the single writer, so the change commits in order with ingest and is announced after commit.</summary>
public sealed class MessageTagger(GroupCommitWriter writer)
{
    /// <summary>Adds <paramref name="tag"/> to the message; false when there is no such message.</summary>
    public Task<bool> AddTagAsync(long messageId, string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return writer.EnqueueAsync(new AddTagOperation(messageId, tag));
    }
}
