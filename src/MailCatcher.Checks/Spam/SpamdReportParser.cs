using System.Globalization;

namespace MailCatcher.Checks.Spam;

/// <summary>
/// Parses spamd's answer to REPORT (SpamAssassin's spamd protocol, SPAMC/1.5): the status line
/// <c>SPAMD/1.1 0 EX_OK</c>, the <c>Spam: True ; 5.2 / 5.0</c> header, and the report's
/// "Content analysis details" table of points, rule names and descriptions (a description may
/// continue on indented lines). Pure: bytes in, result out.
/// </summary>
internal static class SpamdReportParser
{
    public static SpamCheckResult Parse(string response)
    {
        var headerEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? response : response[..headerEnd];
        var body = headerEnd < 0 ? "" : response[(headerEnd + 4)..];
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("SPAMD/", StringComparison.Ordinal))
        {
            return SpamCheckResult.Failed($"spamd answered something that is not the spamd protocol: \"{Shorten(lines[0])}\".");
        }
        if (status[1] != "0")
        {
            return SpamCheckResult.Failed($"spamd refused the check: {Shorten(lines[0])} (a sysexits code; 64-78 are spamd errors).");
        }
        var spamLine = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Spam:", StringComparison.OrdinalIgnoreCase));
        if (spamLine is null || !TryParseSpamHeader(spamLine[5..], out var isSpam, out var score, out var threshold))
        {
            return SpamCheckResult.Failed("spamd's answer has no readable \"Spam: True ; score / threshold\" header.");
        }
        var rules = ParseRules(body).OrderByDescending(r => r.Points).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return SpamVerdict.From(isSpam, score, threshold, rules);
    }

    /// <summary><c>True ; 5.2 / 5.0</c> (spamd also says Yes/No in older versions).</summary>
    private static bool TryParseSpamHeader(string value, out bool isSpam, out double score, out double threshold)
    {
        isSpam = false;
        score = threshold = 0;
        var parts = value.Split(';');
        if (parts.Length != 2)
        {
            return false;
        }
        isSpam = parts[0].Trim().ToLowerInvariant() is "true" or "yes";
        var numbers = parts[1].Split('/');
        return numbers.Length == 2
            && double.TryParse(numbers[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out score)
            && double.TryParse(numbers[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out threshold);
    }

    internal static List<SpamRule> ParseRules(string report)
    {
        var rules = new List<SpamRule>();
        var inTable = false;
        foreach (var rawLine in report.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (!inTable)
            {
                inTable = line.StartsWith("----", StringComparison.Ordinal);
                continue;
            }
            if (line.Trim().Length == 0)
            {
                break;
            }
            var words = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && double.TryParse(words[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var points))
            {
                rules.Add(new SpamRule(words[1], points, words.Length == 3 ? words[2].Trim() : ""));
            }
            else if (rules.Count > 0)
            {
                var last = rules[^1];
                rules[^1] = last with { Description = (last.Description + " " + line.Trim()).Trim() };
            }
        }
        return rules;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
