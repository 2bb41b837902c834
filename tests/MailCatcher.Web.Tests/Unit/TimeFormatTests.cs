using MailCatcher.Components.Time;

namespace MailCatcher.Web.Tests.Unit;

/// <summary>Times on the viewer's clock and calendar: the UI's one place that turns stored UTC into text.</summary>
public sealed class TimeFormatTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TimeFormat NewYork = TimeFormat.ForZone("America/New_York");
    private static readonly TimeFormat Kolkata = TimeFormat.ForZone("Asia/Kolkata");

    private static DateTime Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 min")]
    [InlineData(59 * 60, "59 min")]
    [InlineData(3 * 3600, "3 h")]
    [InlineData(30 * 3600, "Yesterday")]
    [InlineData(3 * 86400, "Wed")]
    [InlineData(20 * 86400, "Nov 8")]
    [InlineData(400 * 86400, "Oct 24, 2025")]
    public void Relative_times_in_utc(int secondsAgo, string expected) =>
        Assert.Equal(expected, TimeFormat.Utc.Relative(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void The_zones_are_found_by_their_iana_ids()
    {
        Assert.Equal("America/New_York", NewYork.Zone.Id);
        Assert.Equal("Asia/Kolkata", Kolkata.Zone.Id);
        Assert.False(NewYork.IsUtc);
    }

    [Fact]
    public void Exact_times_are_local_and_say_their_offset()
    {
        var at = new DateTime(2026, 11, 28, 14, 3, 17, DateTimeKind.Utc);

        Assert.Equal("2026-11-28 19:33:17 +05:30", Kolkata.Exact(at));
        Assert.Equal("2026-11-28 09:03:17 -05:00", NewYork.Exact(at));
        Assert.Equal("Nov 28, 2026 19:33:17 +05:30", Kolkata.Full(at));
        Assert.Equal("Nov 28, 2026 19:33 +05:30", Kolkata.FullToMinute(at));
        Assert.Equal("19:33:17 +05:30", Kolkata.Clock(at));
        Assert.Equal("19:33:17.000", Kolkata.LineTime(at));
    }

    [Fact]
    public void Daylight_saving_time_changes_the_offset_with_the_date()
    {
        // New York: EDT (-04:00) until 2026-11-01 06:00 UTC, when clocks go back from 02:00 to 01:00 EST.
        Assert.Equal("2026-07-01 12:00:00 -04:00", NewYork.Exact(Utc(7, 1, 16)));
        Assert.Equal("2026-11-01 01:30:00 -04:00", NewYork.Exact(Utc(11, 1, 5, 30)));
        Assert.Equal("2026-11-01 01:30:00 -05:00", NewYork.Exact(Utc(11, 1, 6, 30)));
        // Two calendar hours apart locally, three real ones: the age counts real time.
        Assert.Equal("3 h", NewYork.Relative(Utc(11, 1, 5, 0), Utc(11, 1, 8, 0)));
    }

    [Fact]
    public void Yesterday_is_the_viewers_yesterday_not_utcs()
    {
        // 17:00 and 19:00 UTC on Nov 28 are 22:30 on Nov 28 and 00:30 on Nov 29 in Kolkata.
        Assert.Equal("2 h", TimeFormat.Utc.Relative(Utc(11, 28, 17), Utc(11, 28, 19)));
        Assert.Equal("Yesterday", Kolkata.Relative(Utc(11, 28, 17), Utc(11, 28, 19)));

        // 04:00 and 06:00 UTC on Nov 28 are 23:00 on Nov 27 and 01:00 on Nov 28 in New York.
        Assert.Equal("2 h", TimeFormat.Utc.Relative(Utc(11, 28, 4), Utc(11, 28, 6)));
        Assert.Equal("Yesterday", NewYork.Relative(Utc(11, 28, 4), Utc(11, 28, 6)));

        // And the other way: 23:30 UTC Nov 27 and 01:00 UTC Nov 28 are both Nov 27 in New York.
        Assert.Equal("Yesterday", TimeFormat.Utc.Relative(Utc(11, 27, 23, 30), Utc(11, 28, 1)));
        Assert.Equal("1 h", NewYork.Relative(Utc(11, 27, 23, 30), Utc(11, 28, 1)));
    }

    [Fact]
    public void Weekdays_and_years_are_the_viewers_too()
    {
        // 03:00 UTC on Wednesday Nov 25 is 22:00 on Tuesday Nov 24 in New York.
        Assert.Equal("Wed", TimeFormat.Utc.Relative(Utc(11, 25, 3), Now));
        Assert.Equal("Tue", NewYork.Relative(Utc(11, 25, 3), Now));

        // 02:00 UTC on Jan 1, 2027 is still New Year's Eve 2026 in New York: same year, no year shown.
        Assert.Equal("Dec 20, 2026", TimeFormat.Utc.Relative(Utc(12, 20, 12), Utc(1, 1, 2, year: 2027)));
        Assert.Equal("Dec 20", NewYork.Relative(Utc(12, 20, 12), Utc(1, 1, 2, year: 2027)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    [InlineData("../../../etc/passwd")]
    [InlineData("UTC")]
    public void An_unknown_zone_falls_back_to_utc_labelled_as_such(string? id)
    {
        var format = TimeFormat.ForZone(id);

        Assert.True(format.IsUtc);
        Assert.Equal("2026-11-28 14:03:17 UTC", format.Exact(new DateTime(2026, 11, 28, 14, 3, 17, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_zone_id_longer_than_any_real_one_is_not_looked_up() =>
        Assert.Same(TimeFormat.Utc, TimeFormat.ForZone(new string('A', 65)));

    [Fact]
    public void Etc_utc_reads_as_utc_but_london_in_winter_shows_its_offset()
    {
        var at = new DateTime(2026, 11, 28, 14, 3, 17, DateTimeKind.Utc);

        Assert.Equal("2026-11-28 14:03:17 UTC", TimeFormat.ForZone("Etc/UTC").Exact(at));
        Assert.Equal("2026-11-28 14:03:17 +00:00", TimeFormat.ForZone("Europe/London").Exact(at));
    }

    [Fact]
    public void A_stored_time_without_a_kind_is_taken_as_utc()
    {
        var unspecified = new DateTime(2026, 11, 28, 14, 3, 17, DateTimeKind.Unspecified);

        Assert.Equal("2026-11-28 19:33:17 +05:30", Kolkata.Exact(unspecified));
    }
}
