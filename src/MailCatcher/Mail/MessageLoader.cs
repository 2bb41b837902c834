using MailCatcher.Core.Mime;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Mail;

/// <summary>Loads a stored message and parses it, off the request thread. Used by the body API and the UI alike.</summary>
public sealed class MessageLoader(MailQueries queries)
{
    /// <param name="inboxId">Only a message of this inbox (issue 13); null: any.</param>
    public async Task<LoadedMessage?> LoadAsync(long id, CancellationToken cancellationToken, long? inboxId = null)
    {
        var row = await queries.GetMessageAsync(id, inboxId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        await using var raw = await queries.OpenRawAsync(id, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        var view = await Task.Run(() => MessageView.Load(raw), cancellationToken);
        return new LoadedMessage(row, view);
    }
}
