using System.Globalization;

namespace MailCatcher.Components.Time;

/// <summary>
/// How times read in the UI, in one viewer's time zone: the one place that turns a stored UTC
/// instant into text. Formats stay culture-invariant ("Nov 28", "Tue"); only the clock and the
/// calendar are the viewer's. An exact time always says its zone: "+05:30", or "UTC" when the
/// viewer's zone is not known (or is UTC itself).
/// </summary>
public sealed class TimeFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Longer than any IANA id; anything longer is not looked up.</summary>
    private const int MaxZoneIdLength = 64;

    private TimeFormat(TimeZoneInfo zone) => Zone = zone;

    /// <summary>Times as UTC, clearly labelled: until the browser has said its zone, or when it can't.</summary>
    public static TimeFormat Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    /// <summary>True when times read as UTC (the fallback, or a viewer who lives on UTC).</summary>
    public bool IsUtc => Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime;

    /// <summary>
    /// The format for an IANA zone id as the browser reports it ("Asia/Kolkata"); <see cref="Utc"/>
    /// for null, empty, unknown or malformed ids. Never throws: the id comes from the browser.
    /// </summary>
    public static TimeFormat ForZone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId) || ianaId.Length > MaxZoneIdLength)
        {
            return Utc;
        }
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ianaId);
            return zone == TimeZoneInfo.Utc ? Utc : new TimeFormat(zone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            return Utc;
        }
    }

    /// <summary>
    /// "just now", "5 min", "3 h" (earlier today), "Yesterday", "Mon" (this past week), "Mar 4",
    /// "Mar 4, 2024": days, weeks and years are the viewer's calendar, not UTC's.
    /// </summary>
    public string Relative(DateTime utc, DateTime nowUtc)
    {
        var age = AsUtc(nowUtc) - AsUtc(utc);
        if (age < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }
        if (age < TimeSpan.FromHours(1))
        {
            return $"{((int)age.TotalMinutes).ToString(Culture)} min";
        }
        var local = Local(utc);
        var today = Local(nowUtc).Date;
        var days = (today - local.Date).Days;
        return days switch
        {
            <= 0 => $"{((int)age.TotalHours).ToString(Culture)} h",
            1 => "Yesterday",
            < 7 => local.ToString("ddd", Culture),
            _ when local.Year == today.Year => local.ToString("MMM d", Culture),
            _ => local.ToString("MMM d, yyyy", Culture),
        };
    }

    /// <summary>The exact time, for a tooltip: "2026-11-28 20:33:17 +05:30".</summary>
    public string Exact(DateTime utc) => Labelled(utc, "yyyy-MM-dd HH:mm:ss");

    /// <summary>A date and time with seconds: "Nov 28, 2026 20:33:17 +05:30".</summary>
    public string Full(DateTime utc) => Labelled(utc, "MMM d, yyyy HH:mm:ss");

    /// <summary>A date and time to the minute: "Nov 28, 2026 20:33 +05:30".</summary>
    public string FullToMinute(DateTime utc) => Labelled(utc, "MMM d, yyyy HH:mm");

    /// <summary>A time of day, for something due soon: "20:33:17 +05:30".</summary>
    public string Clock(DateTime utc) => Labelled(utc, "HH:mm:ss");

    /// <summary>A transcript line's time, without the zone (its tooltip has it): "20:33:17.123".</summary>
    public string LineTime(DateTime utc) => Local(utc).ToString("HH:mm:ss.fff", Culture);

    /// <summary>The zone of an exact time: "UTC", or the offset in force at that instant ("-04:00" in July, "-05:00" in November).</summary>
    public string ZoneLabel(DateTime utc) => IsUtc ? "UTC" : Local(utc).ToString("zzz", Culture);

    private string Labelled(DateTime utc, string format) => $"{Local(utc).ToString(format, Culture)} {ZoneLabel(utc)}";

    private DateTimeOffset Local(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(AsUtc(utc)), Zone);

    /// <summary>Stored times are UTC; one read back without a kind is still UTC, never the server's local time.</summary>
    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
