namespace MailCatcher.Protocols.Pop3;

/// <summary>
/// Which command is legal in which state (RFC 1939 §4–§7, RFC 2449 §5, RFC 2595 §4), as data.
/// A command outside its states is answered <c>-ERR</c> with the reason given here.
/// </summary>
public static class Pop3StateTable
{
    private static readonly Dictionary<Pop3Verb, (Pop3State Allowed, string WhyNot)> Table = new()
    {
        [Pop3Verb.User] = (Pop3State.Authorization | Pop3State.HaveUser, "USER is only valid before login"),
        [Pop3Verb.Pass] = (Pop3State.HaveUser, "PASS needs USER first"),
        [Pop3Verb.Apop] = (Pop3State.Authorization | Pop3State.HaveUser, "APOP is only valid before login"),
        [Pop3Verb.Stls] = (Pop3State.Authorization, "STLS is only valid before login"),
        [Pop3Verb.Capa] = (Pop3State.Any, ""),
        [Pop3Verb.Quit] = (Pop3State.Any, ""),
        [Pop3Verb.Stat] = (Pop3State.Transaction, "STAT needs login first"),
        [Pop3Verb.List] = (Pop3State.Transaction, "LIST needs login first"),
        [Pop3Verb.Retr] = (Pop3State.Transaction, "RETR needs login first"),
        [Pop3Verb.Dele] = (Pop3State.Transaction, "DELE needs login first"),
        [Pop3Verb.Noop] = (Pop3State.Transaction, "NOOP needs login first"),
        [Pop3Verb.Rset] = (Pop3State.Transaction, "RSET needs login first"),
        [Pop3Verb.Top] = (Pop3State.Transaction, "TOP needs login first"),
        [Pop3Verb.Uidl] = (Pop3State.Transaction, "UIDL needs login first"),
    };

    /// <summary>Whether <paramref name="verb"/> may be issued in <paramref name="state"/>, and if not, why.</summary>
    public static bool IsAllowed(Pop3Verb verb, Pop3State state, out string whyNot)
    {
        if (!Table.TryGetValue(verb, out var entry))
        {
            whyNot = "unknown command";
            return false;
        }
        whyNot = entry.WhyNot;
        return (entry.Allowed & state) != 0;
    }
}
