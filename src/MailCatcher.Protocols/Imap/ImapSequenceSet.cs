using System.Globalization;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// RFC 3501 §9 sequence-set: seq-number / seq-range, comma separated, where "*" is the largest
/// number in use. The same syntax names message sequence numbers or UIDs.
/// </summary>
public sealed class ImapSequenceSet
{
    /// <summary>Stands for "*" until the set is applied to a mailbox.</summary>
    public const long Star = -1;

    private ImapSequenceSet(IReadOnlyList<(long From, long To)> ranges) => Ranges = ranges;

    public IReadOnlyList<(long From, long To)> Ranges { get; }

    /// <summary>Parses "1:4,7,9:*"; false for anything else (zero, empty parts, junk).</summary>
    public static bool TryParse(string text, out ImapSequenceSet set)
    {
        ArgumentNullException.ThrowIfNull(text);
        set = new ImapSequenceSet([]);
        var ranges = new List<(long, long)>();
        foreach (var part in text.Split(','))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                if (!TryNumber(part, out var single))
                {
                    return false;
                }
                ranges.Add((single, single));
                continue;
            }
            if (!TryNumber(part[..colon], out var from) || !TryNumber(part[(colon + 1)..], out var to))
            {
                return false;
            }
            ranges.Add((from, to));
        }
        set = new ImapSequenceSet(ranges);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is in the set, "*" being <paramref name="largest"/>. RFC 3501 §9: "4:2" is "2:4".</summary>
    public bool Contains(long value, long largest)
    {
        foreach (var (from, to) in Ranges)
        {
            var a = from == Star ? largest : from;
            var b = to == Star ? largest : to;
            if (value >= Math.Min(a, b) && value <= Math.Max(a, b))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The largest explicit number in the set ("*" excluded), to check sequence numbers against the mailbox size.</summary>
    public long LargestExplicit => Ranges.SelectMany(r => new[] { r.From, r.To }).DefaultIfEmpty(0).Max();

    private static bool TryNumber(string text, out long value)
    {
        if (text == "*")
        {
            value = Star;
            return true;
        }
        // RFC 3501 §9: nz-number = digit-nz *DIGIT, at most 32 bits.
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value is > 0 and <= uint.MaxValue
            && text[0] != '0';
    }
}
