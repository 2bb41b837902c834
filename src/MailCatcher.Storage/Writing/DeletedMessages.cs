using MailCatcher.Core.Events;
using System.Data.Common;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Ids deleted by one statement, with their inboxes, so that every <see cref="MessagesDeleted"/>
/// names one inbox and a subscriber scoped to another inbox never hears of them.
/// </summary>
internal sealed class DeletedMessages
{
    private readonly List<(long Id, long InboxId)> _rows = [];

    public int Count => _rows.Count;

    /// <summary>The ids, oldest first.</summary>
    public List<long> Ids => [.. _rows.Select(r => r.Id).Order()];

    /// <summary>Reads <c>RETURNING Id, InboxId</c>.</summary>
    public void Read(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }
    }

    public void AddRange(DeletedMessages other) => _rows.AddRange(other._rows);

    /// <summary>One event per inbox, ids oldest first.</summary>
    public void Publish(MailEventBus events)
    {
        foreach (var inbox in _rows.GroupBy(r => r.InboxId))
        {
            events.Publish(new MessagesDeleted([.. inbox.Select(r => r.Id).Order()], inbox.Key));
        }
    }
}
