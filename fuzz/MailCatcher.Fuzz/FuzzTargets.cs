using MailCatcher.Fuzz.Targets;

namespace MailCatcher.Fuzz;

/// <summary>
/// The harnesses by name. Each one feeds the bytes to a parser, swallows only that parser's
/// documented failure types, and throws <see cref="InvariantException"/> when a cheap check
/// of the result fails: anything else escaping is a crash for AFL.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["smtp-command"] = SmtpCommandTarget.Run,
        ["smtp-data"] = SmtpDataTarget.Run,
        ["pop3-command"] = Pop3CommandTarget.Run,
        ["imap-framer"] = ImapFramerTarget.Run,
        ["imap-arguments"] = ImapArgumentsTarget.Run,
        ["search-query"] = SearchQueryTarget.Run,
        ["mime-view"] = MimeViewTarget.Run,
        ["imap-bodystructure"] = ImapBodyStructureTarget.Run,
    };
}
