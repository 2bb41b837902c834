using Microsoft.JSInterop;

namespace MailCatcher.Components.Pages;

/// <summary>The inbox's keyboard: the keys <c>wwwroot/js/app.js</c> forwards, and the row cursor they move.</summary>
public sealed partial class Inbox
{
    /// <summary>A key pressed outside text fields, as named by <c>wwwroot/js/app.js</c>.</summary>
    [JSInvokable]
    public async Task OnKey(string key)
    {
        switch (key)
        {
            case "next":
                await MoveCursorAsync(+1);
                break;
            case "prev":
                await MoveCursorAsync(-1);
                break;
            case "open":
                if (_cursorId is { } id)
                {
                    await OpenAsync(id);
                }
                break;
            case "toggle":
                if (_cursorId is { } toggled)
                {
                    ToggleSelection(toggled);
                }
                break;
            case "delete":
                await DeleteTargetsAsync();
                break;
            case "unread":
                await SetReadAsync(false);
                break;
            case "escape":
                if (_selected.Count > 0)
                {
                    _selected.Clear();
                }
                else if (Id is not null)
                {
                    await CloseAsync();
                }
                break;
        }
        StateHasChanged();
    }

    private async Task MoveCursorAsync(int step)
    {
        var index = Math.Clamp(_cursorIndex < 0 ? 0 : _cursorIndex + step, 0, Math.Max(0, _total - 1));
        if (_total == 0)
        {
            return;
        }
        if (!_window.TryGetValue(index, out var message))
        {
            var page = await Source.ListAsync(Q, index, 1, CancellationToken.None, InboxId);
            if (page.Messages.Count == 0)
            {
                return;
            }
            message = page.Messages[0];
        }
        _cursorIndex = index;
        _cursorId = message.Id;
        await JS.InvokeVoidAsync("mailcatcher.scrollRowIntoView", _listElement, index, RowHeight);
    }
}
