namespace MailCatcher.Core.Messages;

/// <summary>Where protocol servers deliver received mail. The seam between SMTP and storage.</summary>
public interface IMessageSink
{
    /// <summary>
    /// Stores the message durably and returns its id. The task completes only after the
    /// message is committed: the SMTP server sends its 250 reply after this returns.
    /// </summary>
    Task<long> StoreAsync(IncomingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="StoreAsync"/>, but says where the message went: a store with isolated inboxes
    /// routes it (by the session's AUTH user, the recipients, the headers) and keeps one copy per
    /// inbox, all committed together. The SMTP session notes the routing in its transcript.
    /// </summary>
    async Task<IReadOnlyList<StoredCopy>> DeliverAsync(IncomingMessage message, CancellationToken cancellationToken)
        => [new StoredCopy(await StoreAsync(message, cancellationToken), "default", "")];

    /// <summary>
    /// A new spool for a message about to arrive. A store may attach a follower that prepares a
    /// large message for storage while it arrives (<see cref="Content.IContentFollower"/>).
    /// </summary>
    Content.SpooledContent CreateContent() => new();
}
