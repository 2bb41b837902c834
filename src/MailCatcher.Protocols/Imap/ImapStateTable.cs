namespace MailCatcher.Protocols.Imap;

/// <summary>
/// Which command is legal in which state (RFC 3501 §6.1–§6.4, RFC 2177, RFC 4315, RFC 5161,
/// RFC 3691, RFC 2342), as data. A command outside its states is answered BAD with the reason
/// given here.
/// </summary>
public static class ImapStateTable
{
    private const string NeedLogin = "log in first";
    private const string NeedSelect = "no mailbox selected";

    private static readonly Dictionary<string, (ImapState Allowed, string WhyNot)> Table = new(StringComparer.Ordinal)
    {
        ["CAPABILITY"] = (ImapState.Any, ""),
        ["NOOP"] = (ImapState.Any, ""),
        ["LOGOUT"] = (ImapState.Any, ""),
        ["STARTTLS"] = (ImapState.NotAuthenticated, "already logged in"),
        ["LOGIN"] = (ImapState.NotAuthenticated, "already logged in"),
        ["AUTHENTICATE"] = (ImapState.NotAuthenticated, "already logged in"),
        ["ENABLE"] = (ImapState.LoggedIn, NeedLogin),
        ["NAMESPACE"] = (ImapState.LoggedIn, NeedLogin),
        ["SELECT"] = (ImapState.LoggedIn, NeedLogin),
        ["EXAMINE"] = (ImapState.LoggedIn, NeedLogin),
        ["CREATE"] = (ImapState.LoggedIn, NeedLogin),
        ["DELETE"] = (ImapState.LoggedIn, NeedLogin),
        ["RENAME"] = (ImapState.LoggedIn, NeedLogin),
        ["SUBSCRIBE"] = (ImapState.LoggedIn, NeedLogin),
        ["UNSUBSCRIBE"] = (ImapState.LoggedIn, NeedLogin),
        ["LIST"] = (ImapState.LoggedIn, NeedLogin),
        ["LSUB"] = (ImapState.LoggedIn, NeedLogin),
        ["STATUS"] = (ImapState.LoggedIn, NeedLogin),
        ["APPEND"] = (ImapState.LoggedIn, NeedLogin),
        ["IDLE"] = (ImapState.LoggedIn, NeedLogin),
        ["CHECK"] = (ImapState.Selected, NeedSelect),
        ["CLOSE"] = (ImapState.Selected, NeedSelect),
        ["UNSELECT"] = (ImapState.Selected, NeedSelect),
        ["EXPUNGE"] = (ImapState.Selected, NeedSelect),
        ["SEARCH"] = (ImapState.Selected, NeedSelect),
        ["FETCH"] = (ImapState.Selected, NeedSelect),
        ["STORE"] = (ImapState.Selected, NeedSelect),
        ["COPY"] = (ImapState.Selected, NeedSelect),
        ["MOVE"] = (ImapState.Selected, NeedSelect),
        ["UID FETCH"] = (ImapState.Selected, NeedSelect),
        ["UID STORE"] = (ImapState.Selected, NeedSelect),
        ["UID SEARCH"] = (ImapState.Selected, NeedSelect),
        ["UID EXPUNGE"] = (ImapState.Selected, NeedSelect),
        ["UID COPY"] = (ImapState.Selected, NeedSelect),
        ["UID MOVE"] = (ImapState.Selected, NeedSelect),
    };

    /// <summary>Whether <paramref name="command"/> (upper case, "UID X" for UID commands) may be issued in <paramref name="state"/>.</summary>
    public static bool IsAllowed(string command, ImapState state, out string whyNot)
    {
        if (!Table.TryGetValue(command, out var entry))
        {
            whyNot = "unknown command";
            return false;
        }
        whyNot = entry.WhyNot;
        return (entry.Allowed & state) != 0;
    }

    public static bool IsKnown(string command) => Table.ContainsKey(command);
}
