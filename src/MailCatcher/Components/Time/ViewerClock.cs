using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MailCatcher.Components.Time;

/// <summary>
/// The viewer's time zone, one per circuit. Blazor Server renders on the server, whose zone is
/// not the reader's: the layout asks the browser once (<c>wwwroot/js/timezone.js</c>) after its
/// first render. Until then, and when the browser's answer is unknown here, times read as UTC and
/// say so. Components take the current <see cref="TimeFormat"/> as a cascading parameter fed by
/// <see cref="Source"/>, so the zone's arrival re-renders exactly the components that show times.
/// </summary>
public sealed class ViewerClock(IJSRuntime js)
{
    /// <summary>The module that reads <c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>, relative to the base address.</summary>
    public const string ModulePath = "./js/timezone.js";

    private bool _asked;

    /// <summary>How times read for this viewer now.</summary>
    public TimeFormat Format { get; private set; } = TimeFormat.Utc;

    /// <summary>The cascading value components read; registered by <see cref="ViewerClockServices.AddViewerClock"/>.</summary>
    public CascadingValueSource<TimeFormat> Source { get; } = new(TimeFormat.Utc, isFixed: false);

    /// <summary>Asks the browser for its zone, once per circuit; a browser that can't answer leaves UTC.</summary>
    public async Task DetectAsync(CancellationToken cancellationToken = default)
    {
        if (_asked)
        {
            return;
        }
        _asked = true;
        string? zoneId;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, ModulePath);
            zoneId = await module.InvokeAsync<string?>("timeZone", cancellationToken);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException)
        {
            return;
        }
        await SetZoneAsync(zoneId);
    }

    /// <summary>Uses the zone with this IANA id (UTC when it is unknown) and re-renders what shows times.</summary>
    public Task SetZoneAsync(string? ianaId)
    {
        var format = TimeFormat.ForZone(ianaId);
        if (format.Zone.Id == Format.Zone.Id)
        {
            return Task.CompletedTask;
        }
        Format = format;
        return Source.NotifyChangedAsync(format);
    }
}
