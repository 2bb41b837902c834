namespace MailCatcher.Storage.Writing;

/// <summary>Marks messages read or unread; the result is the ids whose state really changed.</summary>
internal sealed class SetReadOperation(IReadOnlyCollection<long> ids, bool isRead) : WriteOperation<IReadOnlyList<long>>
{
    private const string Update = "UPDATE Messages SET IsRead = $read WHERE Id = $id AND IsRead <> $read";

    public override void Execute(WriterCommands commands)
    {
        var changed = new List<long>();
        foreach (var id in ids)
        {
            var update = commands.Get(Update);
            update.Parameters.AddWithValue("$read", isRead);
            update.Parameters.AddWithValue("$id", id);
            if (update.ExecuteNonQuery() > 0)
            {
                changed.Add(id);
            }
        }
        Result = changed;
    }
}
