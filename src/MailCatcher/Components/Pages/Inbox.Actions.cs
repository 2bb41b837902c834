using Microsoft.JSInterop;

namespace MailCatcher.Components.Pages;

/// <summary>The inbox's selection and what acts on it: mark read, download, delete (selected, open, all).</summary>
public sealed partial class Inbox
{
    private void ToggleSelection(long id)
    {
        if (!_selected.Remove(id))
        {
            _selected.Add(id);
        }
    }

    private void ToggleAllShown()
    {
        if (AllShownSelected)
        {
            _selected.Clear();
        }
        else
        {
            _selected.UnionWith(_window.Values.Select(m => m.Id));
        }
    }

    /// <summary>What the toolbar acts on: the selection, else the open message, else the one under the cursor.</summary>
    private List<long> Targets() =>
        _selected.Count > 0 ? [.. _selected] : Id is { } open ? [open] : _cursorId is { } cursor ? [cursor] : [];

    private async Task SetReadAsync(bool isRead)
    {
        if (_canChange)
        {
            await Commands.SetReadAsync(Targets(), isRead, CancellationToken.None);
        }
    }

    private async Task DownloadAsync()
    {
        foreach (var id in Targets())
        {
            await JS.InvokeVoidAsync("mailcatcher.download", $"api/v1/messages/{id}/raw?download=true");
        }
    }

    private async Task DeleteTargetsAsync()
    {
        var targets = Targets();
        if (targets.Count == 0 || !_canChange)
        {
            return;
        }
        var next = await NeighbourAfterAsync(targets);
        await Commands.DeleteAsync(targets);
        _selected.Clear();
        if (Id is { } open && targets.Contains(open))
        {
            if (next is { } nextId)
            {
                Navigation.NavigateTo(WithQuery($"messages/{nextId}"));
            }
            else
            {
                Navigation.NavigateTo(WithQuery("./"));
            }
        }
        else if (_cursorId is { } cursor && targets.Contains(cursor))
        {
            _cursorId = next;
        }
    }

    private Task DeleteOpenAsync() => Id is { } id ? DeleteIdsAsync([id]) : Task.CompletedTask;

    private async Task DeleteIdsAsync(List<long> ids)
    {
        _selected.Clear();
        _selected.UnionWith(ids);
        await DeleteTargetsAsync();
    }

    /// <summary>The message to show once <paramref name="leaving"/> are gone: the next older one, else the next newer one.</summary>
    private async Task<long?> NeighbourAfterAsync(List<long> leaving)
    {
        var anchor = Id ?? _cursorId;
        if (anchor is not { } id)
        {
            return null;
        }
        var index = await Source.IndexOfAsync(Q, id, CancellationToken.None, InboxId);
        if (index < 0)
        {
            return null;
        }
        var around = await Source.ListAsync(Q, Math.Max(0, index - leaving.Count - 1), leaving.Count * 2 + 3, CancellationToken.None, InboxId);
        var ids = around.Messages.Select(m => m.Id).ToList();
        var at = ids.IndexOf(id);
        var older = ids.Skip(at + 1).FirstOrDefault(i => !leaving.Contains(i));
        if (older != 0)
        {
            return older;
        }
        var newer = ids.Take(Math.Max(0, at)).Reverse().FirstOrDefault(i => !leaving.Contains(i));
        return newer == 0 ? null : newer;
    }

    private async Task DeleteAllAsync()
    {
        _confirmDeleteAll = false;
        if (!_canChange)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(Q))
        {
            // With an inbox open, "Delete all" means that inbox's mail only (issue 13).
            await Commands.DeleteAllAsync(InboxId);
        }
        else
        {
            await Commands.DeleteAsync(await Source.MatchingIdsAsync(Q, CancellationToken.None, InboxId));
        }
        _selected.Clear();
        _cursorId = null;
        _cursorIndex = -1;
        if (Id is not null)
        {
            Navigation.NavigateTo(WithQuery("./"));
        }
    }
}
