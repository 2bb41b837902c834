namespace MailCatcher.Core.Messages;

/// <summary>Where protocol servers deliver received mail. The seam between SMTP and storage.</summary>
public interface IMessageSink
{
    /// <summary>
    /// Stores the message durably and returns its id. The task completes only after the
    /// message is committed: the SMTP server sends its 250 reply after this returns.
    /// </summary>
    Task<long> StoreAsync(IncomingMessage message, CancellationToken cancellationToken);
}
