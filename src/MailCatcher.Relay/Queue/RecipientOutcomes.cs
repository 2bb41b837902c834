using System.Globalization;
using System.Text;
using MailCatcher.Storage.Outbox;
using MailCatcher.Relay.Sending;

namespace MailCatcher.Relay.Queue;

/// <summary>When one attempt ends differently for different recipients, and how that reads in the entry's history.</summary>
internal static class RecipientOutcomes
{
    /// <summary>
    /// True when the recipients of <paramref name="work"/> did not all share the attempt's fate:
    /// the message went through with some refused, or every recipient was refused and not all in
    /// the same way (some for now, some for good). A uniform refusal is the entry's own outcome.
    /// </summary>
    public static bool Differ(OutboxWork work, RelayAttemptResult result)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rejected.Count == 0)
        {
            return false;
        }
        if (result.Outcome == RelayOutcome.Sent)
        {
            return true;
        }
        var allRefused = result.Rejected.Select(r => r.Address).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= work.To.Count;
        return allRefused && result.Rejected.Any(r => r.IsTransient) && result.Rejected.Any(r => !r.IsTransient);
    }

    /// <summary>The attempt's text: the relay's reply, then each refused recipient with its reply.</summary>
    public static string Describe(RelayAttemptResult result, long? retriedAs)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder(result.Outcome == RelayOutcome.Sent ? result.Text : "No recipient was accepted");
        text.Append("; refused: ");
        text.AppendJoin("; ", result.Rejected.Select(r => string.Create(CultureInfo.InvariantCulture, $"<{r.Address}> {r.Code} {r.Text}")));
        if (retriedAs is { } id)
        {
            text.Append(CultureInfo.InvariantCulture, $" (temporarily refused recipients are retried as outbox entry {id})");
        }
        return text.ToString();
    }
}
