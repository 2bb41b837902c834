using System.Buffers;
using System.Text;

namespace MailCatcher.Protocols.Smtp;

/// <summary>A command line split into its verb and the rest of the line.</summary>
public readonly record struct SmtpCommand(SmtpVerb Verb, string Name, string Arguments)
{
    private static readonly Dictionary<string, SmtpVerb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HELO"] = SmtpVerb.Helo,
        ["EHLO"] = SmtpVerb.Ehlo,
        ["MAIL"] = SmtpVerb.Mail,
        ["RCPT"] = SmtpVerb.Rcpt,
        ["DATA"] = SmtpVerb.Data,
        ["BDAT"] = SmtpVerb.Bdat,
        ["RSET"] = SmtpVerb.Rset,
        ["NOOP"] = SmtpVerb.Noop,
        ["QUIT"] = SmtpVerb.Quit,
        ["VRFY"] = SmtpVerb.Vrfy,
        ["EXPN"] = SmtpVerb.Expn,
        ["HELP"] = SmtpVerb.Help,
        ["STARTTLS"] = SmtpVerb.StartTls,
        ["AUTH"] = SmtpVerb.Auth,
    };

    /// <summary>
    /// RFC 5321 §4.1.1: a command is a verb, optionally followed by a space and arguments.
    /// Verbs are case-insensitive. The line is decoded as UTF-8 (RFC 6531 allows UTF-8
    /// addresses); bytes that are not UTF-8 become U+FFFD and the verb is then unknown.
    /// </summary>
    public static SmtpCommand Parse(in ReadOnlySequence<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        return Parse(text);
    }

    /// <inheritdoc cref="Parse(in ReadOnlySequence{byte})"/>
    public static SmtpCommand Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line : line[..space];
        var arguments = space < 0 ? "" : line[(space + 1)..].Trim(' ');
        var verb = Verbs.TryGetValue(name, out var known) ? known : SmtpVerb.Unknown;
        return new SmtpCommand(verb, name, arguments);
    }
}
