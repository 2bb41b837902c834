using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Stores times as fixed-width UTC text (<c>2026-11-28 13:45:01.1234567</c>) so that SQLite
/// compares and sorts them correctly as strings, and reads them back with <see cref="DateTimeKind.Utc"/>.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, string>(
    value => Format(value),
    text => Parse(text))
{
    public const string Pattern = "yyyy-MM-dd HH:mm:ss.fffffff";

    public static string Format(DateTime value)
        => (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTime Parse(string text)
        => DateTime.SpecifyKind(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
