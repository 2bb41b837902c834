using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MailCatcher.Core.Options;

namespace MailCatcher.Protocols.Smtp.Faults;

/// <summary>Reads the one-line form of a fault rule given with <c>--smtp-fault</c>. Pure.</summary>
public static class FaultRuleParser
{
    /// <summary>
    /// <c>STAGE [ADDRESS] [N%] ACTION</c>, where ACTION is <c>CODE TEXT…</c>, <c>delay DURATION</c>
    /// or <c>drop</c>. Examples: <c>rcpt *@flaky.test 50% 451 4.3.0 Try again later</c>,
    /// <c>data delay 5s</c>, <c>connect drop</c>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FaultRuleSettings? settings, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        settings = null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            error = $"'{text}': expected STAGE [ADDRESS] [N%] ACTION, e.g. 'rcpt *@flaky.test 50% 451 4.3.0 Try again later'";
            return false;
        }
        var result = new FaultRuleSettings { Stage = words[0] };
        var i = 1;
        if (i < words.Length && !IsActionStart(words[i]) && !IsPercent(words[i]))
        {
            result.Address = words[i++];
        }
        if (i < words.Length && IsPercent(words[i]))
        {
            if (!int.TryParse(words[i][..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var probability))
            {
                error = $"'{text}': '{words[i]}' is not a whole percentage";
                return false;
            }
            result.Probability = probability;
            i++;
        }
        if (i >= words.Length)
        {
            error = $"'{text}': the action is missing (a reply code, 'delay DURATION' or 'drop')";
            return false;
        }
        var action = words[i];
        if (action.Equals("drop", StringComparison.OrdinalIgnoreCase) && i == words.Length - 1)
        {
            result.Action = "drop";
        }
        else if (action.Equals("delay", StringComparison.OrdinalIgnoreCase) && i == words.Length - 2)
        {
            result.Action = "delay";
            result.Delay = words[i + 1];
        }
        else if (int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && i < words.Length - 1)
        {
            result.Action = "reply";
            result.Code = code;
            result.Text = string.Join(' ', words[(i + 1)..]);
        }
        else
        {
            error = $"'{text}': '{string.Join(' ', words[i..])}' is not a reply (CODE TEXT), 'delay DURATION' or 'drop'";
            return false;
        }
        if (!FaultRule.TryCreate(result, out _, out var invalid))
        {
            error = $"'{text}': {invalid}";
            return false;
        }
        settings = result;
        error = null;
        return true;
    }

    private static bool IsPercent(string word) => word.Length > 1 && word[^1] == '%';

    private static bool IsActionStart(string word) =>
        word.Equals("drop", StringComparison.OrdinalIgnoreCase)
        || word.Equals("delay", StringComparison.OrdinalIgnoreCase)
        || (word.Length == 3 && word.All(char.IsAsciiDigit));
}
