using MailCatcher.Components.Time;
using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Hosting.Security;
using MailCatcher.Mail;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Writing;
using Microsoft.AspNetCore.Components;

namespace MailCatcher.Components.Mail;

/// <summary>
/// The reading pane: a message's people and tabs (HTML preview, text, source, headers, parts,
/// MIME tree, SMTP session). Opening an unread message marks it read, as an explicit update.
/// </summary>
public sealed partial class MessagePane
{
    /// <summary>How much of the raw message the source tab shows; the download has it all.</summary>
    public const int SourceLimit = 1024 * 1024;

    private static readonly (string Width, string Label)[] Widths = [("phone", "Phone"), ("tablet", "Tablet"), ("desktop", "Desktop")];

    private LoadedMessage? _message;
    private MessageSummary? _summary;
    private SessionDetail? _session;
    private string? _source;
    private string _tab = "text";
    private string _width = "desktop";
    private bool _allowRemote;
    private int _blockedRemote;
    private bool _missing;
    private bool _releasing;
    private IDisposable? _subscription;

    [Inject] private MessageLoader Loader { get; set; } = null!;
    [Inject] private MailQueries Queries { get; set; } = null!;
    [Inject] private MailCommands Commands { get; set; } = null!;
    [Inject] private UiAccess Access { get; set; } = null!;
    [Inject] private MailEventBus Bus { get; set; } = null!;

    [Parameter, EditorRequired] public long MessageId { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public EventCallback OnDelete { get; set; }

    /// <summary>The viewer's clock (<see cref="ViewerClock"/>); UTC until the browser has said its zone.</summary>
    [CascadingParameter] public TimeFormat Time { get; set; } = TimeFormat.Utc;

    private string Initial => (_summary is null ? "?" : MailFormat.Display(_summary.From)).Trim().FirstOrDefault(char.IsLetterOrDigit) is var c and not '\0'
        ? char.ToUpperInvariant(c).ToString()
        : "@";

    /// <summary>The tabs this message has, with a count where one helps.</summary>
    private IEnumerable<(string Key, string Label, int Count)> Tabs
    {
        get
        {
            if (_message!.View.HtmlBody is not null)
            {
                yield return ("html", "HTML", 0);
            }
            yield return ("text", "Text", 0);
            yield return ("source", "Source", 0);
            yield return ("headers", "Headers", 0);
            yield return ("parts", "Attachments", _message.View.Parts.Count);
            yield return ("mime", "MIME", 0);
            yield return ("smtp", "SMTP", 0);
            yield return ("checks", "Checks", Checks.Known(_message.Row.Id)?.Offline.Failures ?? 0);
        }
    }

    /// <summary>False for a reader: the pane shows no button that changes anything, and marks nothing read.</summary>
    private bool _canChange;

    protected override async Task OnInitializedAsync()
    {
        _canChange = await Access.CanChangeAsync();
        _subscription = Bus.Subscribe(e =>
        {
            if (e is MessagesDeleted deleted && deleted.Ids.Contains(MessageId))
            {
                _ = InvokeAsync(() => { _missing = true; StateHasChanged(); });
            }
        });
        _message = await Loader.LoadAsync(MessageId, CancellationToken.None);
        if (_message is null)
        {
            _missing = true;
            return;
        }
        _summary = MessageMapper.ToSummary(_message.Row);
        _tab = _message.View.HtmlBody is not null ? "html" : "text";
        _blockedRemote = _message.HtmlPreview(allowRemote: false)?.BlockedRemoteImages ?? 0;
        if (!_message.Row.IsRead && _canChange)
        {
            // A GET never changes state; opening a message is the user's explicit "mark read".
            await Commands.SetReadAsync([MessageId], true, CancellationToken.None);
        }
    }

    private async Task SelectTabAsync(string tab)
    {
        _tab = tab;
        if (tab == "source" && _source is null)
        {
            _source = await ReadSourceAsync();
        }
        if (tab == "smtp" && _session is null && _message is not null)
        {
            _session = await Queries.GetSessionAsync(_message.Row.SessionId, CancellationToken.None);
        }
    }

    private async Task<string> ReadSourceAsync()
    {
        await using var raw = await Queries.OpenRawAsync(MessageId, CancellationToken.None);
        if (raw is null)
        {
            return "";
        }
        var buffer = new byte[SourceLimit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await raw.ReadAsync(buffer.AsMemory(read))) > 0)
        {
            read += n;
        }
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(read, SourceLimit));
        return read > SourceLimit ? text + "\n\n[… the rest is in the download]" : text;
    }

    private async Task MarkUnreadAsync()
    {
        if (_canChange)
        {
            await Commands.SetReadAsync([MessageId], false, CancellationToken.None);
        }
    }

    private static string JoinAddresses(IReadOnlyList<EmailAddress> header, IReadOnlyList<string> envelope) =>
        header.Count > 0 ? string.Join(", ", header.Select(MailFormat.Full)) : envelope.Count > 0 ? string.Join(", ", envelope) : "(no recipients)";

    public void Dispose() => _subscription?.Dispose();
}
