using System.Globalization;
using MailCatcher.Core.Outbox;

namespace MailCatcher.Components.Outbox;

/// <summary>How the outbox UI spells states, attempts and the recipients a user types.</summary>
public static class OutboxFormat
{
    private static readonly char[] RecipientSeparators = [',', ';', '\n', '\r'];

    /// <summary>The state as the API spells it ("deferred").</summary>
    public static string StateName(OutboxState state) => state.ToString().ToLowerInvariant();

    /// <summary>Recipients typed one per line or separated by commas; blanks dropped, order kept.</summary>
    public static IReadOnlyList<string> ParseRecipients(string? text) =>
        (text ?? "").Split(RecipientSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"250 2.0.0 Ok" or "no reply: Connection refused".</summary>
    public static string Reply(OutboxAttempt attempt) =>
        attempt.Code is { } code ? $"{code.ToString(CultureInfo.InvariantCulture)} {attempt.Text}" : $"no reply: {attempt.Text}";

    /// <summary>A relay transcript's lines ("C: …", "S: …", anything else a note), told apart like a session transcript.</summary>
    public static IEnumerable<(string Who, string Kind, string Text)> TranscriptLines(string? transcript)
    {
        foreach (var line in (transcript ?? "").Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }
            if (text.StartsWith("C: ", StringComparison.Ordinal))
            {
                yield return ("C", "client", text[3..]);
            }
            else if (text.StartsWith("S: ", StringComparison.Ordinal))
            {
                yield return ("S", "server", text[3..]);
            }
            else
            {
                yield return ("•", "note", text);
            }
        }
    }
}
