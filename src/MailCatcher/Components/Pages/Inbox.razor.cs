using System.Globalization;
using MailCatcher.Components.Mail;
using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Hosting;
using MailCatcher.Hosting.Security;
using MailCatcher.Mail;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Writing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.JSInterop;

namespace MailCatcher.Components.Pages;

/// <summary>
/// The inbox: a virtualised list over paged queries (only the visible window is read), the
/// search box, selection and bulk actions, the keyboard, and the reading pane. It listens to the
/// in-process event bus, so new, changed and deleted mail shows without a reload.
/// </summary>
public sealed partial class Inbox
{
    /// <summary>The height of a list row in pixels; the stylesheet's <c>--row-height</c> must match.</summary>
    public const int RowHeight = 78;

    private readonly HashSet<long> _selected = [];
    private readonly Dictionary<int, MessageSummary> _window = [];
    private Virtualize<MessageSummary>? _virtualize;
    private ElementReference _listElement;
    private DotNetObjectReference<Inbox>? _self;
    private IDisposable? _subscription;
    private Coalescer? _refresh;
    private Coalescer? _searchDebounce;
    private Timer? _clock;
    private DateTime _now = DateTime.UtcNow;
    private string _searchText = "";
    private string? _appliedQuery;

    /// <summary>The query this component last put into the address itself (see <see cref="ApplySearch"/>).</summary>
    private string? _ownSearchNavigation;
    private int _total;

    /// <summary>
    /// Changing this replaces the list component: done for a new search and when the list was
    /// empty, because a Virtualize that has shown no rows does not always ask for rows again.
    /// </summary>
    private int _listKey;
    private int _cursorIndex = -1;
    private long? _cursorId;
    private bool _confirmDeleteAll;

    [Inject] private InboxSource Source { get; set; } = null!;
    [Inject] private MailCatcher.Mail.Checks.MessageChecker Checker { get; set; } = null!;
    [Inject] private MailCommands Commands { get; set; } = null!;
    [Inject] private UiAccess Access { get; set; } = null!;
    [Inject] private MailEventBus Bus { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private BoundPorts Ports { get; set; } = null!;

    [Parameter] public long? Id { get; set; }

    /// <summary>The open inbox's name, from <c>?inbox=</c> (issue 13); absent: every inbox.</summary>
    [SupplyParameterFromQuery(Name = "inbox")] public string? InboxName { get; set; }

    [Inject] private InboxDirectory Inboxes { get; set; } = null!;

    /// <summary>The open inbox, or null for every inbox.</summary>
    private InboxInfo? OpenInbox => InboxName is null ? null : Inboxes.Find(InboxName);

    /// <summary>The id the list is restricted to: null for every inbox, an id that matches nothing for an inbox that does not exist.</summary>
    private long? InboxId => InboxName is null ? null : OpenInbox?.Id ?? -1;

    /// <summary>The search query, from <c>?q=</c>; handed to the list's data source as it is.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    /// <summary>Why the applied search is not a valid query (design.md's search language), or null.</summary>
    private string? SearchError => InboxSource.Validate(Q);

    private bool HasTarget => _selected.Count > 0 || Id is not null || _cursorId is not null;

    private bool AllShownSelected => _window.Count > 0 && _window.Values.All(m => _selected.Contains(m.Id));

    private string CountText => _total == 1 ? "1 message" : $"{_total.ToString("N0", CultureInfo.InvariantCulture)} messages";

    private string DeleteAllText => (string.IsNullOrWhiteSpace(Q)
        ? $"All {CountText}"
        : $"The {CountText} matching “{Q}”") + (InboxName is null ? "" : $" in the inbox {InboxName}") + " will be deleted.";

    private string SmtpAddress => $"127.0.0.1:{Ports.PortOf(BoundPorts.Smtp)?.ToString(CultureInfo.InvariantCulture) ?? "1025"}";

    protected override void OnInitialized()
    {
        _refresh = new Coalescer(TimeSpan.FromMilliseconds(100), () => InvokeAsync(RefreshListAsync));
        _searchDebounce = new Coalescer(TimeSpan.FromMilliseconds(250), () => InvokeAsync(ApplySearch), debounce: true);
        _subscription = Bus.Subscribe(OnMailEvent);
        // A message's checks finishing (in its Checks tab or the API) may add the list's failure marker.
        Checker.Checked += OnChecked;
        // Relative times ("5 min") age; re-render them twice a minute. This reads no data.
        _clock = new Timer(_ => InvokeAsync(() => { _now = DateTime.UtcNow; StateHasChanged(); }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    /// <summary>False for a reader: no button that changes anything is shown, and none would act.</summary>
    private bool _canChange;

    protected override async Task OnInitializedAsync() => _canChange = await Access.CanChangeAsync();

    /// <summary>The inbox the list last showed; another one starts a fresh list.</summary>
    private long? _shownInbox;

    protected override async Task OnParametersSetAsync()
    {
        if (_shownInbox != InboxId && _appliedQuery is not null)
        {
            _selected.Clear();
            _cursorIndex = -1;
            _cursorId = null;
            _listKey++;
        }
        _shownInbox = InboxId;
        if (_appliedQuery != (Q ?? ""))
        {
            var first = _appliedQuery is null;
            _appliedQuery = Q ?? "";
            if (_appliedQuery != _searchText.Trim() && _appliedQuery != _ownSearchNavigation)
            {
                // The address changed by itself (a link, back/forward), not by typing here. When the
                // change is our own debounced search, the box may already hold newer keystrokes:
                // overwriting it would drop the characters typed since.
                _searchText = _appliedQuery;
            }
            _ownSearchNavigation = null;
            _selected.Clear();
            _cursorIndex = -1;
            _cursorId = null;
            if (!first)
            {
                _listKey++;
            }
        }
        if (Id is { } id && id != _cursorId)
        {
            _cursorId = id;
            _cursorIndex = await Source.IndexOfAsync(Q, id, CancellationToken.None, InboxId);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("mailcatcher.registerInbox", _self);
        }
    }

    private async ValueTask<ItemsProviderResult<MessageSummary>> LoadRowsAsync(ItemsProviderRequest request)
    {
        var page = await Source.ListAsync(Q, request.StartIndex, request.Count, request.CancellationToken, InboxId);
        _total = page.Total;
        _window.Clear();
        for (var i = 0; i < page.Messages.Count; i++)
        {
            _window[request.StartIndex + i] = page.Messages[i];
        }
        _ = InvokeAsync(StateHasChanged); // the counts in the toolbar
        return new ItemsProviderResult<MessageSummary>(page.Messages, page.Total);
    }

    private void OnMailEvent(MailEvent mailEvent)
    {
        if (mailEvent is MessageReceived or MessageUpdated or MessagesDeleted)
        {
            if (mailEvent is MessagesDeleted deleted)
            {
                _ = InvokeAsync(() => _selected.ExceptWith(deleted.Ids));
            }
            _refresh?.Trigger();
        }
    }

    private async Task RefreshListAsync()
    {
        _now = DateTime.UtcNow;
        if (_total == 0)
        {
            _listKey++;
        }
        else if (_virtualize is not null)
        {
            await _virtualize.RefreshDataAsync();
        }
        if (_cursorId is { } id)
        {
            var index = await Source.IndexOfAsync(Q, id, CancellationToken.None, InboxId);
            if (index >= 0)
            {
                _cursorIndex = index;
            }
        }
        StateHasChanged();
    }

    private void OnSearchInput(ChangeEventArgs e)
    {
        _searchText = e.Value?.ToString() ?? "";
        _searchDebounce?.Trigger();
    }

    private async Task OnSearchKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            ApplySearch();
        }
        else if (e.Key == "Escape")
        {
            await JS.InvokeVoidAsync("mailcatcher.blurSearch");
        }
    }

    /// <summary>Puts the search box's text into the address (<c>?q=</c>), which hands it to the list.</summary>
    private void ApplySearch()
    {
        var q = _searchText.Trim();
        if (q == (Q ?? ""))
        {
            return;
        }
        _ownSearchNavigation = q;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("q", q.Length == 0 ? null : q), replace: true);
    }

    /// <summary>A path with the open search and inbox kept in its query, so opening a message stays in both.</summary>
    private string WithQuery(string path)
    {
        var query = new List<string>();
        if (InboxName is not null)
        {
            query.Add($"inbox={Uri.EscapeDataString(InboxName)}");
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query.Add($"q={Uri.EscapeDataString(Q)}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private Task OpenAsync(long id)
    {
        Navigation.NavigateTo(WithQuery($"messages/{id}"));
        return Task.CompletedTask;
    }

    private Task CloseAsync()
    {
        Navigation.NavigateTo(WithQuery("./"));
        return Task.CompletedTask;
    }

    private void OnChecked(long id) => _refresh?.Trigger();

    public async ValueTask DisposeAsync()
    {
        Checker.Checked -= OnChecked;
        _subscription?.Dispose();
        _refresh?.Dispose();
        _searchDebounce?.Dispose();
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }
        if (_self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("mailcatcher.unregisterInbox", _self);
            }
            catch (JSDisconnectedException)
            {
            }
            _self.Dispose();
        }
    }
}
