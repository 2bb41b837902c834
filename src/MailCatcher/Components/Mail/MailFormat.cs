using System.Globalization;
using MailCatcher.Core.Messages;

namespace MailCatcher.Components.Mail;

/// <summary>How sizes, addresses and durations read in the UI (times: <see cref="Time.TimeFormat"/>).</summary>
public static class MailFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"512 B", "1.2 KB", "3.4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(Culture)} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString(bytes < 10 * 1024 ? "0.0" : "0", Culture)} KB",
        < 1024L * 1024 * 1024 => $"{(bytes / (1024.0 * 1024)).ToString(bytes < 10L * 1024 * 1024 ? "0.0" : "0", Culture)} MB",
        _ => $"{(bytes / (1024.0 * 1024 * 1024)).ToString("0.0", Culture)} GB",
    };

    /// <summary>A person's display name, or the address when there is none.</summary>
    public static string Display(EmailAddress? address) =>
        address is null ? "(no sender)" : string.IsNullOrWhiteSpace(address.Name) ? address.Address : address.Name;

    /// <summary>"Name &lt;address&gt;" or the bare address.</summary>
    public static string Full(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.IsNullOrWhiteSpace(address.Name) ? address.Address : $"{address.Name} <{address.Address}>";
    }

    /// <summary>The visible recipients of a message (To, then Cc), else its envelope recipients.</summary>
    public static string Recipients(MessageSummary message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var people = message.To.Concat(message.Cc).Select(Display).ToList();
        if (people.Count == 0)
        {
            people = [.. message.EnvelopeTo];
        }
        return people.Count switch
        {
            0 => "(no recipients)",
            <= 3 => string.Join(", ", people),
            _ => $"{string.Join(", ", people.Take(2))} +{(people.Count - 2).ToString(Culture)}",
        };
    }

    /// <summary>"0.4 s", "12 s", "3 min 5 s"; empty for a session still open.</summary>
    public static string Duration(DateTime start, DateTime? end)
    {
        if (end is not { } finished)
        {
            return "open";
        }
        var span = finished - start;
        return span.TotalSeconds switch
        {
            < 10 => $"{span.TotalSeconds.ToString("0.0", Culture)} s",
            < 60 => $"{((int)span.TotalSeconds).ToString(Culture)} s",
            _ => $"{((int)span.TotalMinutes).ToString(Culture)} min {span.Seconds.ToString(Culture)} s",
        };
    }
}
