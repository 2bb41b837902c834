using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailCatcher.Client.Models;

namespace MailCatcher.CommandLine.Scripts;

/// <summary>How the script commands print: one tab-separated line per message, or the API's JSON with <c>--json</c>.</summary>
internal static class ScriptOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary><c>ID TAB RECEIVED TAB FROM TAB TO TAB SUBJECT</c>: <c>cut -f1</c> gives the ids.</summary>
    public static string Line(MessageSummary message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var to = string.Join(",", message.To.Select(a => a.Address).DefaultIfEmpty(string.Join(",", message.EnvelopeTo)));
        return string.Create(CultureInfo.InvariantCulture,
            $"{message.Id}\t{message.ReceivedAt.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}\t{message.From?.Address ?? message.EnvelopeFrom}\t{to}\t{OneLine(message.Subject)}");
    }

    public static async Task WriteJsonAsync<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(JsonSerializer.Serialize(value, Json));
    }

    /// <summary>Control characters (a hostile subject's line breaks, escape sequences) shown as spaces, so one message stays one line.</summary>
    public static string OneLine(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }
    });
}
