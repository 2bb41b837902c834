using System.Buffers;
using System.Text;

namespace MailCatcher.Protocols.Pop3;

/// <summary>A POP3 command line split into its keyword and arguments.</summary>
public sealed record Pop3Command(Pop3Verb Verb, string Name, IReadOnlyList<string> Arguments, string RawArguments)
{
    /// <summary>RFC 2449 §4: a command line is at most 255 octets including CRLF.</summary>
    public const int MaxLineLength = 255;

    private static readonly Dictionary<string, Pop3Verb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USER"] = Pop3Verb.User,
        ["PASS"] = Pop3Verb.Pass,
        ["APOP"] = Pop3Verb.Apop,
        ["QUIT"] = Pop3Verb.Quit,
        ["STAT"] = Pop3Verb.Stat,
        ["LIST"] = Pop3Verb.List,
        ["RETR"] = Pop3Verb.Retr,
        ["DELE"] = Pop3Verb.Dele,
        ["NOOP"] = Pop3Verb.Noop,
        ["RSET"] = Pop3Verb.Rset,
        ["TOP"] = Pop3Verb.Top,
        ["UIDL"] = Pop3Verb.Uidl,
        ["CAPA"] = Pop3Verb.Capa,
        ["STLS"] = Pop3Verb.Stls,
    };

    /// <summary>
    /// RFC 1939 §3: "Commands in the POP3 consist of a case-insensitive keyword, possibly followed
    /// by one or more arguments ... separated by a single SPACE character." Several spaces are
    /// tolerated. PASS keeps its argument whole (RFC 1939 §7: a password may contain spaces).
    /// </summary>
    public static Pop3Command Parse(in ReadOnlySequence<byte> line) => Parse(Encoding.UTF8.GetString(line));

    /// <inheritdoc cref="Parse(in ReadOnlySequence{byte})"/>
    public static Pop3Command Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line : line[..space];
        var raw = space < 0 ? "" : line[(space + 1)..];
        var verb = Verbs.TryGetValue(name, out var known) ? known : Pop3Verb.Unknown;
        var arguments = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Pop3Command(verb, name, arguments, raw);
    }

    /// <summary>RFC 1939 §5: a message-number argument, a positive decimal.</summary>
    public static bool TryParseNumber(string text, out int number) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) && number > 0;
}
